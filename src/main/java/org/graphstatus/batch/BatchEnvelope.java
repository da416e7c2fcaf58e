package org.graphstatus.batch;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.graphstatus.odata.GraphException;

/**
 * Graph's JSON batch envelope, {@code {"requests": [{"id", "method", "url", "headers", "body", "dependsOn"}]}},
 * read and checked into {@link Part}s. A mistake in the envelope itself (a request that cannot be sent as
 * written) refuses the whole batch with a 400 naming the request; what a request asks of a route is the
 * route's to answer ({@link BatchResponses} writes the answers).
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

    private BatchEnvelope() {
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
            if (!Part.isJson(type) && body instanceof JsonString text) {
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
}
