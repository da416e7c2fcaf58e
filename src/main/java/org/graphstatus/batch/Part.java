package org.graphstatus.batch;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One request of a batch, as {@link BatchEnvelope} read and checked it. {@code url} is relative to
 * {@code /beta}, without its leading slash and with what a URI cannot hold percent-encoded; {@code body} is
 * null when there is none.
 */
record Part(String id, String method, String url, Map<String, String> headers, JsonValue body, List<String> dependsOn) {

    /**
     * Headers not passed on: the batch's own token is every request's (a request's own is ignored, as Graph
     * does), and the framing ones belong to the connection, which the dispatch makes.
     */
    static final Set<String> NOT_FORWARDED = Set.of("authorization", "host", "content-length", "connection",
            "expect", "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

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
     * The body as bytes: JSON as UTF-8 text; for another content type a string is base64, as Graph defines it
     * for binary bodies.
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

    /** Whether a Content-Type is JSON: {@code application/json} or any {@code +json} type. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
