package org.graphstatus.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchResponsesTest {

    @Test
    void makesItsOwnAnswersInGraphsEnvelopeWithRequestIdsOfTheirOwn() {
        var part = new Part("2", "GET", "deviceAppManagement/mobileApps", Map.of(), null, List.of("1"));
        var caller = new Caller(URI.create("https://graph.example/beta/"), PartRequestTest.BATCH, "c-1", null, Set.of(),
                true, "Bearer");

        JsonObject answer = BatchResponses.failedDependency(part, "1", 404, caller);

        assertEquals(424, answer.getInt("status"));
        JsonObject headers = answer.getJsonObject("headers");
        JsonObject error = answer.getJsonObject("body").getJsonObject("error");
        assertEquals("FailedDependency", error.getString("code"));
        assertEquals(headers.getString("request-id"), error.getJsonObject("innerError").getString("request-id"));
        assertEquals("c-1", headers.getString("client-request-id"), "the batch's, as the part sent none");
        assertEquals("application/json", headers.getString("Content-Type"));
        assertEquals("nosniff", headers.getString("X-Content-Type-Options"), "as the route's own answers have");
        assertNotEquals(headers.getString("request-id"), BatchResponses.unanswered(part, caller)
                .getJsonObject("headers").getString("request-id"), "a request-id of its own each time");
    }

    @Test
    void answersHeadersInGraphsSpellingWithoutTheConnectionsOwn() {
        byte[] body = "{\"@odata.context\":\"https://graph.example/beta/$metadata#x\"}".getBytes(StandardCharsets.UTF_8);
        JsonObject answer = BatchResponses.answer("1", 201, Map.of("location", List.of("https://graph.example/beta/x/1"),
                "content-type", List.of("application/json;charset=utf-8"), "Content-Length", List.of("99"),
                "request-id", List.of("r")), body);

        assertEquals("https://graph.example/beta/x/1", answer.getJsonObject("headers").getString("Location"), "in Graph's spelling");
        assertEquals("application/json;charset=utf-8", answer.getJsonObject("headers").getString("Content-Type"));
        assertFalse(answer.getJsonObject("headers").containsKey("Content-Length"));
        assertEquals("https://graph.example/beta/$metadata#x", answer.getJsonObject("body").getString("@odata.context"));
    }

    @Test
    void answersTextAsAStringOtherBytesAsBase64AndNothingAsNoBody() {
        assertEquals("42", BatchResponses.answer("1", 200, Map.of("Content-Type", List.of("text/plain")),
                "42".getBytes(StandardCharsets.UTF_8)).getString("body"));
        assertEquals("AAE=", BatchResponses.answer("1", 200, Map.of("Content-Type", List.of("image/png")),
                new byte[] {0, 1}).getString("body"));
        assertFalse(BatchResponses.answer("1", 204, Map.of(), new byte[0]).containsKey("body"));
    }
}
