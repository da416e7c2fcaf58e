package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.graphstatus.DocsComparison.KnownDifference;
import org.junit.jupiter.api.Test;

/** The rules GraphDocsExamplesIT compares by, each shown once passing and once failing. */
class DocsComparisonTest {

    private final DocsComparison comparison = new DocsComparison(List.of(new KnownDifference(
            "microsoft.graph.userAppInstallStatus", "failedDeviceCount", Json.createValue(0), "counted here")));

    @Test
    void anAnswerWithEveryPropertyOfTheDocsMatchesEvenWithMore() {
        assertEquals(List.of(), comparison.differences(json("{\"a\":\"x\",\"n\":11,\"o\":{\"t\":[\"v\"]}}"),
                json("{\"o\":{\"t\":[\"v\"]},\"n\":11.0,\"a\":\"x\",\"more\":true}")));
    }

    @Test
    void aMissingOrDifferentPropertyIsNamedByItsPointer() {
        assertEquals(List.of("/a: docs \"x\", missing from the answer", "/o/t/0: docs \"v\", answer \"w\"",
                        "/b: docs true, answer false"),
                comparison.differences(json("{\"a\":\"x\",\"o\":{\"t\":[\"v\"]},\"b\":true}"),
                        json("{\"o\":{\"t\":[\"w\"]},\"b\":false}")));
    }

    @Test
    void keysAreSkippedAndServerMadeDatesNeedOnlyBeDateTimeOffsets() {
        String docs = "{\"id\":\"1\",\"createdDateTime\":\"2017-01-01T00:02:43.5775965-08:00\"}";
        assertEquals(List.of(), comparison.differences(json(docs),
                json("{\"id\":\"2\",\"createdDateTime\":\"2026-03-01T10:00:00Z\"}")));
        assertEquals(List.of("/createdDateTime: not a DateTimeOffset: \"2026-03-01\""),
                comparison.differences(json(docs), json("{\"createdDateTime\":\"2026-03-01\"}")));
    }

    @Test
    void theContextIsComparedWithoutItsHost() {
        String docs = "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#x\"}";
        assertEquals(List.of(), comparison.differences(json(docs),
                json("{\"@odata.context\":\"http://10.0.0.5:8080/beta/$metadata#x\"}")));
        assertEquals(1, comparison.differences(json(docs),
                json("{\"@odata.context\":\"http://10.0.0.5:8080/beta/$metadata#y\"}")).size());
    }

    @Test
    void aKnownDifferenceIsComparedWithOurValueOnlyOnItsOwnType() {
        String user = "{\"@odata.type\":\"#microsoft.graph.userAppInstallStatus\",\"failedDeviceCount\":1}";
        assertEquals(List.of(), comparison.differences(json(user), json(user.replace("1}", "0}"))));
        assertEquals(List.of("/failedDeviceCount: declared as 0 here (counted here), answer 1"),
                comparison.differences(json(user), json(user)));
        String other = "{\"@odata.type\":\"#microsoft.graph.webApp\",\"failedDeviceCount\":1}";
        assertEquals(List.of("/failedDeviceCount: docs 1, answer 0"),
                comparison.differences(json(other), json(other.replace("1}", "0}"))));
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
