package org.graphstatus.odata;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Graph's error envelope, the one shape of every 4xx and 5xx this service answers:
 * {@code {"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}}.
 */
public final class GraphError {

    /** The challenge of every 401 (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"graph\"";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private GraphError() {
    }

    /** The Graph code for an HTTP status this service can answer. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "InvalidAuthenticationToken";
            case 403 -> "Forbidden";
            case 404 -> "ResourceNotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> status < 500 ? "BadRequest" : "InternalServerError";
        };
    }

    public static JsonObject envelope(String code, String message, HttpServletRequest request) {
        var innerError = JsonValues.PROVIDER.createObjectBuilder()
                .add("date", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DATE))
                .add("request-id", RequestIds.requestId(request))
                .add("client-request-id", RequestIds.clientRequestId(request));
        var error = JsonValues.PROVIDER.createObjectBuilder()
                .add("code", code)
                .add("message", message)
                .add("innerError", innerError);
        return JsonValues.PROVIDER.createObjectBuilder().add("error", error).build();
    }

    /** Writes an error straight to the servlet response, for the places that answer before JAX-RS runs. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        RequestIds.stamp(request, response);
        SecurityHeaders.of(request).forEach(response::setHeader);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(envelope(codeFor(status), message, request).toString());
    }
}
