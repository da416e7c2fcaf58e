package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.Test;

/** mobileApp's table and its derived-type bag: what is stored is what is measured. */
class MobileAppJsonTest {

    @Test
    void jsonThatGrowsWhenStoredIsMeasuredAsStored() {
        // each {} is kept as a whole rule, {"ruleType":"detection"}: 1,200,000 of them are 3.6 MB as sent, 30 MB kept
        String rules = "{},".repeat(1_200_000) + "{}";
        String sent = "{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"rules\":[" + rules + "]}";
        assertTrue(sent.length() < MobileApp.LARGE_JSON, "the body itself is within the limit");

        GraphException e = assertThrows(GraphException.class, () -> MobileAppJson.read(json(sent)));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'microsoft.graph.win32LobApp'"), e.getMessage());
    }

    @Test
    void aDerivedTypeKeepsItsOwnPropertiesAndAPatchMergesThem() {
        MobileApp app = MobileAppJson.read(json("{\"@odata.type\":\"microsoft.graph.webApp\",\"appUrl\":\"https://a\"}"));
        assertEquals("#microsoft.graph.webApp", app.getOdataType());
        assertEquals("{\"appUrl\":\"https://a\"}", app.getDerivedProperties());
        assertFalse(MobileAppJson.write(app).build().getBoolean("useManagedBrowser"), "unset: Graph's default");

        MobileAppJson.patch(json("{\"useManagedBrowser\":true,\"isAssigned\":true}"), null).accept(app);

        assertEquals("{\"appUrl\":\"https://a\",\"useManagedBrowser\":true}", app.getDerivedProperties());
        assertFalse(app.getDerivedProperties().contains("isAssigned"), "a base property never lands in the bag");
    }

    @Test
    void readOnlyDerivedPropertiesAreCheckedAndNotKept() {
        MobileApp app = MobileAppJson.read(json("{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"size\":5,\"fileName\":\"a\"}"));

        assertEquals("{\"fileName\":\"a\"}", app.getDerivedProperties());
        assertThrows(GraphException.class, () -> MobileAppJson.read(json("{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"size\":\"5\"}")));
    }

    @Test
    void anotherTypeInAPatchIsRefusedWhenApplied() {
        MobileApp app = MobileAppJson.read(json("{\"@odata.type\":\"#microsoft.graph.webApp\"}"));
        var changes = MobileAppJson.patch(json("{\"@odata.type\":\"#microsoft.graph.win32LobApp\"}"), null);

        assertThrows(GraphException.class, () -> changes.accept(app));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
