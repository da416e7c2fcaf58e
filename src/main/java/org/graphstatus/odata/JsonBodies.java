package org.graphstatus.odata;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Request and response bodies as JSON-P objects. Reading is where every body-level refusal happens, before
 * any resource code runs: too large (413), empty, not JSON, not an object, or a key given twice (400).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class JsonBodies implements MessageBodyReader<JsonObject>, MessageBodyWriter<JsonObject> {

    /**
     * Largest body accepted: 4 MiB, about Graph's own limit. A status is well under 1 KiB, but a mobileApp's
     * largeIcon is a base64 image of up to a few hundred KiB.
     */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final JsonParserFactory PARSERS =
            Json.PROVIDER.createParserFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        byte[] body = entity.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            throw GraphException.badRequest("The request body is empty; send a JSON object.");
        }
        JsonValue value;
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body), charsetOf(mediaType))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) { // JsonReader would stop after the value and accept what follows
                throw GraphException.badRequest("The request body is not valid JSON: text follows the object.");
            }
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw GraphException.badRequest(at == null ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line " + at.getLineNumber() + ", column "
                    + at.getColumnNumber() + ").");
        } catch (JsonException e) {
            throw GraphException.badRequest("The request body is not valid JSON.");
        } catch (IllegalStateException e) { // Parsson's answer to a key given twice
            throw GraphException.badRequest("The request body is not valid JSON: " + e.getMessage() + ".");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw GraphException.badRequest("The request body must be a JSON object, not " + article(value) + ".");
        }
        return value.asJsonObject();
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonObject.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(JsonObject json, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        entity.write(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static GraphException tooLarge() {
        return GraphException.tooLarge("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }

    private static Charset charsetOf(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw GraphException.unsupportedMediaType("The charset '" + name + "' is not supported.");
        }
    }

    private static String article(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case NULL -> "null";
            default -> "a boolean";
        };
    }
}
