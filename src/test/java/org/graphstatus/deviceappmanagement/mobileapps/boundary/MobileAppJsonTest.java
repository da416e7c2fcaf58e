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
        // "1e-6" is stored as 0.000001: 800,000 of them are 4.0 MB as sent and 7.2 MB as stored
        String numbers = "1e-6,".repeat(800_000) + "1";
        String sent = "{\"@odata.type\":\"#microsoft.graph.webApp\",\"largeIcon\":{\"type\":\"x\",\"n\":[" + numbers + "]}}";
        assertTrue(sent.length() < MobileApp.LARGE_JSON, "the body itself is within the limit");

        GraphException e = assertThrows(GraphException.class, () -> MobileAppJson.read(json(sent)));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'largeIcon'"), e.getMessage());
    }

    @Test
    void aDerivedTypeKeepsItsOwnPropertiesAndAPatchMergesThem() {
        MobileApp app = MobileAppJson.read(json("{\"@odata.type\":\"microsoft.graph.webApp\",\"appUrl\":\"https://a\"}"));
        assertEquals("#microsoft.graph.webApp", app.getOdataType());
        assertEquals("{\"useManagedBrowser\":false,\"appUrl\":\"https://a\"}", app.getDerivedProperties());

        MobileAppJson.patch(json("{\"useManagedBrowser\":true,\"isAssigned\":true}"), null).accept(app);

        assertEquals("{\"useManagedBrowser\":true,\"appUrl\":\"https://a\"}", app.getDerivedProperties());
        assertFalse(app.getDerivedProperties().contains("isAssigned"), "a base property never lands in the bag");
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
