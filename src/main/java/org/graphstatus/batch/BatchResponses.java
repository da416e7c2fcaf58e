package org.graphstatus.batch;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.graphstatus.odata.GraphError;
import org.graphstatus.odata.JsonValues;

/**
 * The batch's answer, {@code {"responses": [{"id", "status", "headers", "body"}]}}: each request's answer as its
 * route gave it, and the answers the batch makes itself (a failed dependency, no answer), in Graph's error
 * envelope with request ids of their own.
 */
final class BatchResponses {

    /** Headers of an answer that describe a connection, not the answer: the batch's connection has its own. */
    private static final Set<String> NOT_ANSWERED = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "date", "server", "x-powered-by");

    /**
     * Graph's spelling of the headers this service answers with. The connection may deliver them in any case,
     * and clients look some up by exact name (the JavaScript client's BatchResponseContent reads "Content-Type").
     */
    private static final Map<String, String> SPELLING = Map.of("content-type", "Content-Type", "location", "Location",
            "odata-version", "OData-Version", "retry-after", "Retry-After", "www-authenticate", "WWW-Authenticate",
            "allow", "Allow", "cache-control", "Cache-Control", "request-id", "request-id",
            "client-request-id", "client-request-id");

    private BatchResponses() {
    }

    /** The batch's answer: every request's, in the order of the requests. */
    static JsonObject responses(List<JsonObject> answers) {
        var array = JsonValues.PROVIDER.createArrayBuilder();
        answers.forEach(array::add);
        return JsonValues.object().add("responses", array).build();
    }

    /**
     * A route's answer in the batch: its status, its headers, and its body (JSON as JSON, text as a string,
     * anything else base64).
     */
    static JsonObject answer(String id, int status, Map<String, List<String>> headers, byte[] body) {
        var answered = JsonValues.object();
        String type = null;
        for (var header : headers.entrySet()) {
            if (NOT_ANSWERED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String name = SPELLING.getOrDefault(header.getKey().toLowerCase(Locale.ROOT), header.getKey());
            String value = String.join(", ", header.getValue());
            if (name.equals("Content-Type")) {
                type = value;
            }
            answered.add(name, value);
        }
        var json = JsonValues.object().add("id", id).add("status", status).add("headers", answered);
        if (body != null && body.length > 0) {
            json.add("body", body(body, type));
        }
        return json.build();
    }

    /** 424 for a request not run because a request it depends on did not succeed (Graph's rule). */
    static JsonObject failedDependency(Part part, String dependency, int dependencyStatus, Caller caller) {
        return error(part, 424, "FailedDependency", "The request was not run: the request '" + dependency
                + "' it depends on answered " + dependencyStatus + ".", caller, Map.of());
    }

    /** 503 for a request whose answer the dispatch could not get: it may or may not have been carried out. */
    static JsonObject unanswered(Part part, Caller caller) {
        return error(part, 503, "ServiceUnavailable", "The request got no answer; it may or may not have been"
                + " carried out. Read before retrying it.", caller, Map.of("Retry-After", List.of("5")));
    }

    private static JsonObject error(Part part, int status, String code, String message, Caller caller,
            Map<String, List<String>> extraHeaders) {
        var request = PartRequest.of(part, caller);
        var headers = new LinkedHashMap<>(request.stampedHeaders());
        headers.put("Content-Type", List.of("application/json"));
        headers.putAll(extraHeaders);
        byte[] body = GraphError.envelope(code, message, request).toString().getBytes(StandardCharsets.UTF_8);
        return answer(part.id(), status, headers, body);
    }

    private static JsonValue body(byte[] body, String type) {
        if (Part.isJson(type)) {
            try (var reader = JsonValues.PROVIDER.createReader(new StringReader(new String(body, charsetOf(type))))) {
                return reader.readValue();
            } catch (JsonException e) {
                // not JSON after all: passed on as text below
            }
        }
        if (type == null || Part.isJson(type) || type.regionMatches(true, 0, "text/", 0, 5)) {
            return JsonValues.PROVIDER.createValue(new String(body, charsetOf(type)));
        }
        return JsonValues.PROVIDER.createValue(Base64.getEncoder().encodeToString(body));
    }

    private static Charset charsetOf(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].replace("\"", "").trim());
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
