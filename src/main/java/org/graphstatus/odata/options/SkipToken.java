package org.graphstatus.odata.options;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;

/**
 * The {@code $skiptoken} codec: the order keys of the last row of a page, behind the fingerprint of the order
 * they belong to, as a JSON array in base64url. It is not signed: a token changed by hand either does not
 * decode (400) or names another row to start after, which a client could ask for with {@code $filter} anyway.
 */
final class SkipToken {

    private SkipToken() {
    }

    /** The token that continues after a row whose key values, in {@code order}'s order, are {@code values}. */
    static String encode(OrderBy order, List<?> values) {
        var array = JsonValues.PROVIDER.createArrayBuilder().add(order.fingerprint());
        for (Object value : values) {
            if (value == null) {
                array.add(""); // a null string sorts as the empty string (see CollectionReader)
            } else if (value instanceof Integer i) {
                array.add(i);
            } else if (value instanceof Long l) {
                array.add(l);
            } else if (value instanceof Boolean b) {
                array.add(b);
            } else if (value instanceof Enum<?> e) {
                array.add(e.name());
            } else {
                array.add(value.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(array.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key values a token holds, each as the Java type of its property's attribute.
     *
     * @throws GraphException 400 unless this service made the token for this order
     */
    static List<Object> decode(String token, OrderBy order) {
        GraphException invalid = GraphException.badRequest("The $skiptoken is not one this service made for this $orderby; "
                + "follow @odata.nextLink as it is.");
        JsonArray values;
        try (var reader = JsonValues.PROVIDER.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)))) {
            values = reader.readArray();
        } catch (RuntimeException e) {
            throw invalid;
        }
        List<OrderBy.Key> keys = order.keys();
        if (values.size() != keys.size() + 1 || !values.get(0).equals(JsonValues.string(order.fingerprint()))) {
            throw invalid;
        }
        var after = new ArrayList<Object>();
        for (int i = 0; i < keys.size(); i++) {
            after.add(value(keys.get(i).property(), values.get(i + 1), invalid));
        }
        return after;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(QueryProperty property, JsonValue json, GraphException invalid) {
        try {
            return switch (property.type()) {
                case STRING -> ((JsonString) json).getString();
                case INT32 -> ((JsonNumber) json).intValueExact();
                case DATE_TIME_OFFSET -> ((JsonNumber) json).longValueExact();
                case BOOLEAN -> {
                    if (json.getValueType() != JsonValue.ValueType.TRUE && json.getValueType() != JsonValue.ValueType.FALSE) {
                        throw invalid;
                    }
                    yield json.getValueType() == JsonValue.ValueType.TRUE;
                }
                case ENUM -> Enum.valueOf((Class) property.enumType(), ((JsonString) json).getString());
            };
        } catch (ClassCastException | ArithmeticException | IllegalArgumentException e) {
            throw invalid;
        }
    }
}
