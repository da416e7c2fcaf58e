package org.graphstatus.odata;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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

    /** Deepest nesting of arrays and objects accepted; Graph's types nest a few levels. */
    public static final int MAX_DEPTH = 64;

    private static final JsonParserFactory PARSERS =
            JsonValues.PROVIDER.createParserFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

    @Inject
    Tracer tracer;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        Span span = tracer.spanBuilder("body parse").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            byte[] body = entity.readNBytes(MAX_BODY_BYTES + 1);
            span.setAttribute("graph.body.bytes", body.length);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return read(body, charsetOf(mediaType));
        } finally {
            span.end();
        }
    }

    /** The body's bytes as a JSON object, or a 400 that says what is wrong with them. */
    static JsonObject read(byte[] body, Charset charset) {
        String text = decode(body, charset);
        if (text.isBlank()) {
            throw GraphException.badRequest("The request body is empty; send a JSON object.");
        }
        checkDepth(text);
        JsonValue value;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) { // JsonReader would stop after the value and accept what follows
                throw GraphException.badRequest("The request body is not valid JSON: text follows the object.");
            }
        } catch (JsonParsingException e) {
            throw notJson(e);
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

    /**
     * Decodes strictly: a JSON parser reading through a plain decoder would turn bytes that are not of the
     * charset into replacement characters and store them.
     */
    private static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw GraphException.badRequest("The request body is not valid " + charset.name() + ".");
        }
    }

    /**
     * Refuses nesting deeper than {@link #MAX_DEPTH} before the value is built: building recurses, and the
     * parser's own limit (1,000) ends in an exception that is not a parsing error. A streaming pass keeps no
     * stack of its own.
     */
    private static void checkDepth(String text) {
        if (openings(text) <= MAX_DEPTH) {
            return; // too few brackets to nest that deep: the usual body costs a character scan, not a second parse
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            int depth = 0;
            do { // the first value only: what follows it is the full parse's to refuse
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (++depth > MAX_DEPTH) {
                            throw GraphException.badRequest("The request body nests arrays and objects deeper than "
                                    + MAX_DEPTH + " levels.");
                        }
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> { }
                }
            } while (depth > 0);
        } catch (JsonParsingException e) {
            throw notJson(e);
        } catch (JsonException | IllegalStateException e) {
            // a key given twice or text after the value: the full parse below says which
        }
    }

    /** How many {@code [} and <code>{</code> the text holds, inside strings or not: at least its deepest nesting. */
    private static int openings(String text) {
        int openings = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{') {
                openings++;
            }
        }
        return openings;
    }

    private static GraphException notJson(JsonParsingException e) {
        var at = e.getLocation();
        return GraphException.badRequest(at == null ? "The request body is not valid JSON."
                : "The request body is not valid JSON (line " + at.getLineNumber() + ", column "
                + at.getColumnNumber() + ").");
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
