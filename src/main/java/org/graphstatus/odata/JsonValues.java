package org.graphstatus.odata;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/** One JSON-P provider for the whole service: {@code Json.createX()} looks the provider up on every call. */
public final class JsonValues {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonValues() {
    }

    /** A nullable string as Graph writes it: {@code null} stays a JSON null rather than vanishing. */
    public static JsonValue string(String value) {
        return value == null ? JsonValue.NULL : PROVIDER.createValue(value);
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }
}
