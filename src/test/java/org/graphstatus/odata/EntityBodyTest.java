package org.graphstatus.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A body read strictly against one type: each refusal is a 400 that names the property. */
class EntityBodyTest {

    static final String TYPE = "microsoft.graph.mobileAppInstallStatus";

    enum State { installed, failed }

    @Test
    void valuesAreReadByTheirEdmType() {
        EntityBody body = body("{\"s\":\"x\",\"i\":7,\"b\":true,\"e\":\"failed\",\"d\":\"2017-01-01T00:02:49Z\",\"n\":null}");

        assertEquals("x", body.string("s", 10));
        assertEquals(7, body.int32("i"));
        assertEquals(true, body.bool("b"));
        assertEquals(State.failed, body.member("e", State.class, "microsoft.graph.state"));
        assertEquals("2017-01-01T00:02:49Z", body.dateTimeOffset("d").text());
        assertNull(body.string("n", 10));
        assertNull(body.string("missing", 10));
        assertTrue(body.has("n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"s\":\"abcdefghijk\"}| s | longer than 10", "{\"s\":7}| s | Edm.String", "{\"i\":\"7\"}| i | Edm.Int32",
            "{\"i\":2147483648}| i | Edm.Int32", "{\"i\":1.5}| i | Edm.Int32", "{\"b\":\"yes\"}| b | Edm.Boolean",
            "{\"e\":\"lost\"}| e | not a member", "{\"d\":\"2017-01-01T00:02:49\"}| d | Edm.DateTimeOffset",
            "{\"s\":\"a\\u0000b\"}| s | NUL"})
    void aWrongValueIs400NamingTheProperty(String json, String name, String message) {
        EntityBody body = body(json);

        GraphException e = assertThrows(GraphException.class, () -> {
            switch (name.trim()) {
                case "s" -> body.string("s", 10);
                case "i" -> body.int32("i");
                case "b" -> body.bool("b");
                case "e" -> body.member("e", State.class, "microsoft.graph.state");
                default -> body.dateTimeOffset("d");
            }
        });

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'" + name.trim() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
    }

    @Test
    void unknownPropertiesAndAnotherTypeAreRefusedAndTheTypeMayLackItsHash() {
        assertThrows(GraphException.class, () -> body("{\"colour\":\"red\"}"));
        assertThrows(GraphException.class, () -> body("{\"@odata.type\":\"#microsoft.graph.webApp\"}"));
        assertEquals("#" + TYPE, body("{\"@odata.type\":\"" + TYPE + "\"}").odataType());
        assertEquals("#" + TYPE, body("{\"@odata.type\":\"#" + TYPE + "\"}").odataType());
        assertThrows(GraphException.class, () -> body("{\"@odata.type\":7}"));
    }

    @Test
    void anExplicitNullForANonNullablePropertyIsRefused() {
        GraphException e = assertThrows(GraphException.class, () -> body("{\"i\":null}").nonNullable("i"));
        assertTrue(e.getMessage().contains("cannot be null"), e.getMessage());
    }

    private static EntityBody body(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            return EntityBody.of(object, TYPE, Set.of("s", "i", "b", "e", "d", "n", "missing"));
        }
    }
}
