package org.graphstatus.batch;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;

/**
 * Graph's JSON batch envelope, both ways: {@code {"requests": [{"id", "method", "url", "headers", "body",
 * "dependsOn"}]}} read and checked into {@link Part}s, and each answer written as {@code {"id", "status",
 * "headers", "body"}}. A mistake in the envelope itself (a request that cannot be sent as written) refuses the
 * whole batch with a 400 naming the request; what a request asks of a route is the route's to answer.
 */
final class BatchEnvelope {

    /** Graph's limit. */
    static final int MAX_REQUESTS = 20;

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> KEYS = Set.of("id", "method", "url", "headers", "body", "dependsOn");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7E]*");
    /** What a URI may hold as it is: unreserved and reserved characters, except the brackets of IPv6 hosts. */
    private static final Pattern URI_CHAR = Pattern.compile("[A-Za-z0-9\\-._~:/?@!$&'()*+,;=]");
    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    /**
     * Headers not passed on: the batch's own token is every request's (a request's own is ignored, as Graph
     * does), and the framing ones belong to the connection, which the dispatch makes.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("authorization", "host", "content-length", "connection",
            "expect", "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

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

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private BatchEnvelope() {
    }

    /**
     * One request of a batch. {@code url} is relative to {@code /beta}, without its leading slash and with
     * what a URI cannot hold percent-encoded; {@code body} is null when there is none.
     */
    record Part(String id, String method, String url, Map<String, String> headers, JsonValue body, List<String> dependsOn) {

        /** A header by name, whatever its case, or null. */
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        /** The headers passed on to the route. */
        Map<String, String> forwarded() {
            var forwarded = new LinkedHashMap<String, String>();
            headers.forEach((name, value) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    forwarded.put(name, value);
                }
            });
            return forwarded;
        }

        /**
         * The body as bytes: JSON as UTF-8 text; for another content type a string is base64, as Graph
         * defines it for binary bodies.
         */
        byte[] bodyBytes() {
            if (body == null) {
                return null;
            }
            if (!isJson(header("Content-Type")) && body instanceof JsonString text) {
                return Base64.getDecoder().decode(text.getString()); // checked when read
            }
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The requests of a batch, checked: at most 20, ids unique, dependencies known and without a cycle. */
    static List<Part> read(JsonObject envelope) {
        for (String key : envelope.keySet()) {
            if (!key.equals("requests")) {
                throw GraphException.badRequest("The batch has an unknown property '" + key + "'; it holds only 'requests'.");
            }
        }
        JsonValue requests = envelope.get("requests");
        if (requests == null || requests.getValueType() != JsonValue.ValueType.ARRAY) {
            throw GraphException.badRequest("The batch must have 'requests', an array of requests.");
        }
        var array = requests.asJsonArray();
        if (array.isEmpty()) {
            throw GraphException.badRequest("The batch has no requests; send at least one.");
        }
        if (array.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("The batch has " + array.size() + " requests; the limit is " + MAX_REQUESTS + ".");
        }
        var parts = new ArrayList<Part>();
        var ids = new HashSet<String>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw GraphException.badRequest("Request " + (i + 1) + " of the batch is not a JSON object.");
            }
            Part part = part(array.getJsonObject(i), i + 1);
            if (!ids.add(part.id())) {
                throw GraphException.badRequest("The id '" + part.id() + "' is given to more than one request of the batch.");
            }
            parts.add(part);
        }
        for (Part part : parts) {
            for (String dependency : part.dependsOn()) {
                if (!ids.contains(dependency)) {
                    throw GraphException.badRequest("Request '" + part.id() + "' depends on '" + dependency
                            + "', which is not a request of the batch.");
                }
            }
        }
        checkNoCycle(parts);
        return parts;
    }

    private static Part part(JsonObject request, int position) {
        for (String key : request.keySet()) {
            if (!KEYS.contains(key)) {
                throw GraphException.badRequest("Request " + position + " of the batch has an unknown property '" + key + "'.");
            }
        }
        String id = string(request, "id", "Request " + position + " of the batch");
        if (id.isEmpty()) {
            throw GraphException.badRequest("Request " + position + " of the batch has an empty 'id'.");
        }
        String named = "Request '" + id + "'";
        String method = string(request, "method", named).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw GraphException.badRequest(named + " has the method '" + method + "'; a batch takes GET, POST, PUT, PATCH and DELETE.");
        }
        String url = url(string(request, "url", named), named);
        Map<String, String> headers = headers(request.get("headers"), named);
        JsonValue body = request.get("body");
        if (body != null && body.getValueType() == JsonValue.ValueType.NULL) {
            body = null;
        }
        var part = new Part(id, method, url, headers, body, dependsOn(request.get("dependsOn"), named));
        if (body != null) {
            String type = part.header("Content-Type");
            if (type == null) {
                throw GraphException.badRequest(named + " has a body but no Content-Type header.");
            }
            if (!isJson(type) && body instanceof JsonString text) {
                try {
                    Base64.getDecoder().decode(text.getString());
                } catch (IllegalArgumentException e) {
                    throw GraphException.badRequest(named + " has a " + type + " body that is not base64.");
                }
            }
        }
        return part;
    }

    private static String string(JsonObject request, String key, String named) {
        JsonValue value = request.get(key);
        if (!(value instanceof JsonString text)) {
            throw GraphException.badRequest(named + " must have '" + key + "', a string.");
        }
        return text.getString();
    }

    /**
     * A URL relative to {@code /beta}, with or without its leading slash. An absolute URL, a path that leaves
     * {@code /beta} and a batch inside a batch are refused: the batch sends only to this service's routes.
     * Characters a URI cannot hold (spaces in a {@code $filter}, quotes) are encoded, as Graph takes them as
     * written; escapes already there stay.
     */
    static String url(String url, String named) {
        if (url.startsWith("//") || url.startsWith("\\") || SCHEME.matcher(url).find()) {
            throw GraphException.badRequest(named + " has the url '" + url + "'; it must be relative to /beta.");
        }
        String encoded = encode(url.startsWith("/") ? url.substring(1) : url);
        String path = encoded.split("\\?", 2)[0];
        for (String segment : path.split("/", -1)) {
            String plain = segment.replace("%2e", ".").replace("%2E", ".");
            if (plain.equals(".") || plain.equals("..")) {
                throw GraphException.badRequest(named + " has the url '" + url + "'; it must stay under /beta.");
            }
        }
        if (path.equals("$batch") || path.startsWith("$batch/")) {
            throw GraphException.badRequest(named + " is a batch; a batch cannot hold another.");
        }
        try {
            URI.create("http://localhost/beta/" + encoded);
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest(named + " has the url '" + url + "', which is not a valid URL.");
        }
        return encoded;
    }

    private static String encode(String url) {
        var encoded = new StringBuilder();
        for (int i = 0; i < url.length(); ) {
            int c = url.codePointAt(i);
            String character = new String(Character.toChars(c));
            if (c == '%' && ESCAPE.matcher(url).region(i, url.length()).lookingAt()) {
                encoded.append('%');
            } else if (c < 128 && URI_CHAR.matcher(character).matches()) {
                encoded.append(character);
            } else {
                for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
                    encoded.append(String.format("%%%02X", b & 0xff));
                }
            }
            i += Character.charCount(c);
        }
        return encoded.toString();
    }

    private static Map<String, String> headers(JsonValue headers, String named) {
        var map = new LinkedHashMap<String, String>();
        if (headers == null || headers.getValueType() == JsonValue.ValueType.NULL) {
            return map;
        }
        if (headers.getValueType() != JsonValue.ValueType.OBJECT) {
            throw GraphException.badRequest(named + " has 'headers' that are not a JSON object.");
        }
        headers.asJsonObject().forEach((name, value) -> {
            if (!TOKEN.matcher(name).matches()) {
                throw GraphException.badRequest(named + " has a header name that HTTP does not allow: '" + name + "'.");
            }
            if (!(value instanceof JsonString text) || !HEADER_VALUE.matcher(text.getString()).matches()) {
                throw GraphException.badRequest(named + " has the header '" + name + "', whose value is not a string of printable ASCII.");
            }
            map.put(name, text.getString());
        });
        return map;
    }

    private static List<String> dependsOn(JsonValue dependsOn, String named) {
        if (dependsOn == null || dependsOn.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (dependsOn.getValueType() != JsonValue.ValueType.ARRAY
                || dependsOn.asJsonArray().stream().anyMatch(id -> !(id instanceof JsonString))) {
            throw GraphException.badRequest(named + " has 'dependsOn' that is not an array of request ids.");
        }
        return dependsOn.asJsonArray().getValuesAs(JsonString::getString);
    }

    /** A request that waits, through its dependencies, for itself would never run. */
    private static void checkNoCycle(List<Part> parts) {
        Map<String, Part> byId = new HashMap<>();
        parts.forEach(part -> byId.put(part.id(), part));
        Set<String> done = new HashSet<>();
        for (Part part : parts) {
            visit(part, byId, new HashSet<>(), done);
        }
    }

    private static void visit(Part part, Map<String, Part> byId, Set<String> path, Set<String> done) {
        if (done.contains(part.id())) {
            return;
        }
        if (!path.add(part.id())) {
            throw GraphException.badRequest("Request '" + part.id() + "' depends on itself through 'dependsOn'.");
        }
        for (String dependency : part.dependsOn()) {
            visit(byId.get(dependency), byId, path, done);
        }
        path.remove(part.id());
        done.add(part.id());
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

    private static JsonValue body(byte[] body, String type) {
        if (isJson(type)) {
            try (var reader = JsonValues.PROVIDER.createReader(new StringReader(new String(body, charsetOf(type))))) {
                return reader.readValue();
            } catch (JsonException e) {
                // not JSON after all: passed on as text below
            }
        }
        if (type == null || isJson(type) || type.regionMatches(true, 0, "text/", 0, 5)) {
            return JsonValues.PROVIDER.createValue(new String(body, charsetOf(type)));
        }
        return JsonValues.PROVIDER.createValue(Base64.getEncoder().encodeToString(body));
    }

    /** The batch's answer: every request's, in the order of the requests. */
    static JsonObject responses(List<JsonObject> answers) {
        var array = JsonValues.PROVIDER.createArrayBuilder();
        answers.forEach(array::add);
        return JsonValues.object().add("responses", array).build();
    }

    /** 424 for a request not run because a request it depends on did not succeed (Graph's rule). */
    static JsonObject failedDependency(Part part, String dependency, int dependencyStatus, String clientRequestId) {
        return error(part.id(), 424, "FailedDependency", "The request was not run: the request '" + dependency
                + "' it depends on answered " + dependencyStatus + ".", clientRequestId, Map.of());
    }

    /** 503 for a request whose answer the dispatch could not get: it may or may not have been carried out. */
    static JsonObject unanswered(Part part, String clientRequestId) {
        return error(part.id(), 503, "ServiceUnavailable", "The request got no answer; it may or may not"
                + " have been carried out. Read before retrying it.", clientRequestId, Map.of("Retry-After", "5"));
    }

    /** Graph's error envelope for an answer the batch makes itself, with a request-id of its own. */
    private static JsonObject error(String id, int status, String code, String message, String clientRequestId,
            Map<String, String> extraHeaders) {
        String requestId = UUID.randomUUID().toString();
        String client = clientRequestId == null ? requestId : clientRequestId;
        var headers = JsonValues.object().add("Content-Type", "application/json").add("request-id", requestId)
                .add("client-request-id", client);
        extraHeaders.forEach(headers::add);
        var innerError = JsonValues.object()
                .add("date", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DATE))
                .add("request-id", requestId)
                .add("client-request-id", client);
        var body = JsonValues.object().add("error", JsonValues.object().add("code", code).add("message", message).add("innerError", innerError));
        return JsonValues.object().add("id", id).add("status", status).add("headers", headers).add("body", body).build();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
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
