package org.graphstatus.odata.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Values checked against the metadata's types, as Graph's deserializer checks them. */
class EdmValuesTest {

    static final EdmValues VALUES = new EdmValues(GraphMetadata.BETA);

    private static EdmProperty property(String type, boolean nullable) {
        boolean collection = type.startsWith("Collection(");
        return new EdmProperty("p", collection ? type.substring(11, type.length() - 1) : type, collection, nullable, false);
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader("[" + text + "]"))) {
            return reader.readArray().get(0);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Edm.String|'\"a\"'", "Edm.Boolean|true", "Edm.Int32|2147483647", "Edm.Int32|-3.0", "Edm.Int64|9007199254740993",
            "Edm.Byte|255", "Edm.Double|1.5e300", "Edm.Double|'\"NaN\"'", "Edm.DateTimeOffset|'\"2026-12-01T10:15:30.1234567+01:00\"'",
            "Edm.Date|'\"2026-02-28\"'", "Edm.TimeOfDay|'\"23:59:59.5\"'", "Edm.Duration|'\"P1DT2H\"'",
            "Edm.Guid|'\"4bdc5d30-5d30-4bdc-305d-dc4b305ddc4b\"'", "Edm.Binary|'\"dmFsdWU=\"'", "Edm.Binary|'\"-_8\"'",
            "microsoft.graph.windowsArchitecture|'\"x64, arm64\"'", "microsoft.graph.runAsAccountType|'\"system\"'",
            "Collection(Edm.String)|'[\"a\",\"b\"]'", "microsoft.graph.mimeContent|'{\"type\":\"image/png\"}'",
            "Collection(microsoft.graph.win32LobAppRule)|'[{\"@odata.type\":\"#microsoft.graph.win32LobAppFileSystemRule\",\"path\":\"C:\"}]'"})
    void acceptsValuesOfTheType(String type, String value) {
        VALUES.read("microsoft.graph.test", property(type, true), json(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Edm.String|7", "Edm.Boolean|'\"true\"'", "Edm.Int32|2147483648", "Edm.Int32|1.5", "Edm.Byte|256",
            "Edm.Double|'\"1.5\"'", "Edm.DateTimeOffset|'\"2026-12-01T10:15:30\"'", "Edm.Date|'\"2026-02-30\"'",
            "Edm.Duration|'\"P1Y\"'", "Edm.Guid|'\"4bdc5d30\"'", "Edm.Binary|'\"not base64!\"'",
            "microsoft.graph.windowsArchitecture|'\"x64,sparc\"'", "microsoft.graph.runAsAccountType|'\"System\"'",
            "microsoft.graph.runAsAccountType|'\"system,user\"'", "Collection(Edm.String)|'\"a\"'", "Collection(Edm.String)|'[null]'",
            "microsoft.graph.mimeContent|'[]'", "microsoft.graph.mimeContent|'{\"colour\":\"red\"}'",
            "Collection(microsoft.graph.win32LobAppRule)|'[{\"@odata.type\":\"#microsoft.graph.mimeContent\"}]'"})
    void refusesOthersNamingTheProperty(String type, String value) {
        GraphException e = assertThrows(GraphException.class, () -> VALUES.read("microsoft.graph.test", property(type, true), json(value)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'p"), e.getMessage());
    }

    @Test
    void nullIsRefusedWhereNotNullableAndACollectionsNullIsEmpty() {
        assertThrows(GraphException.class, () -> VALUES.read("t", property("Edm.Boolean", false), JsonValue.NULL));
        assertEquals(JsonValue.NULL, VALUES.read("t", property("Edm.Boolean", true), JsonValue.NULL));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, VALUES.read("t", property("Collection(Edm.String)", true), JsonValue.NULL));
    }

    @Test
    void aComplexValueIsKeptWithEveryPropertyOfItsOwnType() {
        JsonValue rule = VALUES.read("t", property("microsoft.graph.win32LobAppRule", true),
                json("{\"@odata.type\":\"#microsoft.graph.win32LobAppRegistryRule\",\"keyPath\":\"HKLM\",\"keyPath@odata.type\":\"String\"}"));
        assertEquals(json("{\"@odata.type\":\"#microsoft.graph.win32LobAppRegistryRule\",\"ruleType\":\"detection\","
                + "\"check32BitOn64System\":false,\"comparisonValue\":null,\"keyPath\":\"HKLM\",\"operationType\":\"notConfigured\","
                + "\"operator\":\"notConfigured\",\"valueName\":null}"), rule);
    }

    @Test
    void unsetValuesAreNullEmptyOrTheTypesDefault() {
        assertEquals(JsonValue.NULL, VALUES.unset(property("Edm.String", true)));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, VALUES.unset(property("Collection(Edm.String)", true)));
        assertEquals(JsonValue.FALSE, VALUES.unset(property("Edm.Boolean", false)));
        assertEquals(json("0"), VALUES.unset(property("Edm.Int64", false)));
        assertEquals(json("\"system\""), VALUES.unset(property("microsoft.graph.runAsAccountType", false)));
        assertEquals(json("{\"deviceRestartBehavior\":\"basedOnReturnCode\",\"maxRunTimeInMinutes\":null,\"runAsAccount\":\"system\"}"),
                VALUES.unset(property("microsoft.graph.win32LobAppInstallExperience", false)));
    }
}
