package org.graphstatus.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchEnvelopeTest {


    @Test
    void readsTheRequestsAsSent() {
        List<Part> parts = BatchEnvelope.read(json("""
                {"requests": [
                  {"id": "1", "method": "post", "url": "/deviceAppManagement/mobileApps",
                   "headers": {"Content-Type": "application/json", "Authorization": "Bearer other", "X-Extra": "yes"},
                   "body": {"displayName": "A"}},
                  {"id": "2", "method": "GET", "url": "deviceAppManagement/mobileApps", "dependsOn": ["1"]}]}
                """));

        assertEquals(2, parts.size());
        Part first = parts.get(0);
        assertEquals("POST", first.method());
        assertEquals("deviceAppManagement/mobileApps", first.url());
        assertEquals(Map.of("Content-Type", "application/json", "X-Extra", "yes"), first.forwarded(),
                "the batch's token is every request's");
        assertEquals("{\"displayName\":\"A\"}", new String(first.bodyBytes(), StandardCharsets.UTF_8));
        assertEquals("deviceAppManagement/mobileApps", parts.get(1).url());
        assertEquals(List.of("1"), parts.get(1).dependsOn());
    }

    @Test
    void encodesWhatAUriCannotHoldAndKeepsEscapes() {
        assertEquals("mobileApps?$filter=displayName%20eq%20'a%C3%A9%22'&$top=1",
                BatchEnvelope.url("/mobileApps?$filter=displayName eq 'aé\"'&$top=1", "r"));
        assertEquals("mobileApps?$filter=x%20eq%20'100%25'", BatchEnvelope.url("mobileApps?$filter=x%20eq%20'100%'", "r"));
        assertEquals("mobileApps?$filter=x%20eq%20'%23%5B%5D'", BatchEnvelope.url("mobileApps?$filter=x eq '#[]'", "r"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.test/beta/x", "//example.test/x", "mailto:x", "../health",
            "/deviceAppManagement/../../metrics", "a/%2e%2E/b", "$batch", "/$batch", "\\\\host\\x"})
    void refusesUrlsThatLeaveTheApi(String url) {
        GraphException refused = assertThrows(GraphException.class, () -> BatchEnvelope.url(url, "Request '1'"));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("Request '1'"), refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"x\"}, {\"id\": \"1\", \"method\": \"GET\", \"url\": \"x\"}]} | more than one request",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"x\", \"dependsOn\": [\"2\"]}]} | not a request of the batch",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"x\", \"dependsOn\": [\"1\"]}]} | depends on itself",
        "{\"requests\": [{\"id\": \"a\", \"method\": \"GET\", \"url\": \"x\", \"dependsOn\": [\"c\"]}, {\"id\": \"b\", \"method\": \"GET\", \"url\": \"x\", \"dependsOn\": [\"a\"]}, {\"id\": \"c\", \"method\": \"GET\", \"url\": \"x\", \"dependsOn\": [\"b\"]}]} | depends on itself",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"x\", \"dependsOn\": \"2\"}]} | not an array",
        "{\"requests\": [{\"id\": 1, \"method\": \"GET\", \"url\": \"x\"}]} | must have 'id', a string",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"POST\", \"url\": \"x\", \"body\": {}}]} | no Content-Type",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"POST\", \"url\": \"x\", \"body\": \"*\", \"headers\": {\"Content-Type\": \"image/png\"}}]} | not base64",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"x\", \"headers\": {\"X\": \"a\\r\\nInjected: 1\"}}]} | printable ASCII",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"x\", \"headers\": {\"X Y\": \"a\"}}]} | header name",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"x\", \"headers\": {\"X\": 1}}]} | printable ASCII",
        "{\"requests\": [], \"other\": 1} | unknown property 'other'",
    })
    void refusesABrokenEnvelope(String envelope, String message) {
        GraphException refused = assertThrows(GraphException.class, () -> BatchEnvelope.read(json(envelope)));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }

    @Test
    void takesTwentyRequestsAndNotTwentyOne() {
        assertEquals(20, BatchEnvelope.read(requests(20)).size());
        GraphException refused = assertThrows(GraphException.class, () -> BatchEnvelope.read(requests(21)));
        assertEquals("The batch has 21 requests; the limit is 20.", refused.getMessage());
    }

    @Test
    void decodesABase64BodyOfAnotherContentType() {
        Part part = BatchEnvelope.read(json("""
                {"requests": [{"id": "1", "method": "PUT", "url": "x", "body": "aGVsbG8=", "headers": {"content-type": "text/plain"}}]}
                """)).get(0);
        assertEquals("hello", new String(part.bodyBytes(), StandardCharsets.UTF_8));
    }

    private static JsonObject requests(int count) {
        var array = Json.createArrayBuilder();
        for (int i = 1; i <= count; i++) {
            array.add(Json.createObjectBuilder().add("id", String.valueOf(i)).add("method", "GET").add("url", "x"));
        }
        return Json.createObjectBuilder().add("requests", array).build();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
