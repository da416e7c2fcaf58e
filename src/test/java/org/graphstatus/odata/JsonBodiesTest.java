package org.graphstatus.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a request body: every refusal happens here, before any resource code runs. */
class JsonBodiesTest {

    @Test
    void anObjectIsRead() {
        JsonObject json = read("{\"deviceName\":\"läptop\",\"n\":[1,{\"a\":null}]}");
        assertEquals("läptop", json.getString("deviceName"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''| empty", "'   '| empty", "'{'| not valid JSON (line 1", "'{\"a\":1} x'| not valid JSON",
            "'{\"a\":1}{}'| not valid JSON", "'[1]'| not an array", "'\"x\"'| not a string", "'null'| not null",
            "'{\"a\":1,\"a\":2}'| not valid JSON"})
    void whatIsNotOneJsonObjectIs400(String body, String message) {
        GraphException e = assertThrows(GraphException.class, () -> read(body));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8Are400NotReplacementCharacters() {
        byte[] latin1 = "{\"deviceName\":\"l\u00e4ptop\"}".getBytes(StandardCharsets.ISO_8859_1);

        GraphException e = assertThrows(GraphException.class, () -> JsonBodies.read(latin1, StandardCharsets.UTF_8));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertEquals("l\u00e4ptop", JsonBodies.read(latin1, StandardCharsets.ISO_8859_1).getString("deviceName"),
                "the same bytes under the charset they are in");
    }

    @Test
    void nestingIsRefusedPastTheDocumentedDepthAndNotBefore() {
        String atLimit = "[".repeat(JsonBodies.MAX_DEPTH - 1) + "]".repeat(JsonBodies.MAX_DEPTH - 1);
        assertEquals(1, read("{\"a\":" + atLimit + "}").size());

        for (int depth : new int[] {JsonBodies.MAX_DEPTH + 1, 5_000, 100_000}) {
            String deep = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            GraphException e = assertThrows(GraphException.class, () -> read(deep), "depth " + depth);
            assertTrue(e.getMessage().contains("deeper than " + JsonBodies.MAX_DEPTH), e.getMessage());
        }
        GraphException unclosed = assertThrows(GraphException.class, () -> read("[".repeat(100_000)));
        assertEquals(400, unclosed.status());
    }

    private static JsonObject read(String body) {
        return JsonBodies.read(body.getBytes(StandardCharsets.UTF_8), Charset.forName("UTF-8"));
    }
}
