package org.graphstatus.odata.metadata;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;

/**
 * Values of the metadata's types in JSON, checked as Graph's deserializer checks them: the JSON type, the
 * range of a number, the form of a date or a GUID, an enum's members, a complex value's properties to any
 * depth. A wrong one is a 400 naming the property. A complex value is answered as Graph writes one: every
 * property of its type, {@code null} or the type's default where unset.
 */
public final class EdmValues {

    private static final Pattern GUID = Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    private final GraphMetadata metadata;

    public EdmValues(GraphMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * The value a body gives {@code property} of type {@code owner}, as it is kept: a 400 unless it is of the
     * property's type; null for a collection is an empty one.
     */
    public JsonValue read(String owner, EdmProperty property, JsonValue value) {
        return read(owner, property.name(), property, value);
    }

    private JsonValue read(String owner, String path, EdmProperty property, JsonValue value) {
        if (value.getValueType() == ValueType.NULL) {
            if (property.collection()) {
                return JsonValue.EMPTY_JSON_ARRAY;
            }
            if (!property.nullable()) {
                throw GraphException.badRequest("The property '" + path + "' of type '" + owner + "' cannot be null.");
            }
            return JsonValue.NULL;
        }
        if (!property.collection()) {
            return single(owner, path, property, value);
        }
        if (value.getValueType() != ValueType.ARRAY) {
            throw wrongType(owner, path, property.typeName());
        }
        JsonArrayBuilder items = JsonValues.PROVIDER.createArrayBuilder();
        List<JsonValue> array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).getValueType() == ValueType.NULL) {
                throw GraphException.badRequest("The property '" + path + "' of type '" + owner + "' cannot hold null.");
            }
            items.add(single(owner, path + "[" + i + "]", property, array.get(i)));
        }
        return items.build();
    }

    private JsonValue single(String owner, String path, EdmProperty property, JsonValue value) {
        String type = property.type();
        if (!property.primitive()) {
            EdmType declared = metadata.types().get(type);
            if (declared instanceof EdmType.Enum members) {
                return member(owner, path, members, value);
            }
            return complex(path, (EdmType.Structured) declared, value);
        }
        boolean valid = switch (type) {
            case "Edm.String" -> value.getValueType() == ValueType.STRING;
            case "Edm.Boolean" -> value.getValueType() == ValueType.TRUE || value.getValueType() == ValueType.FALSE;
            case "Edm.Int32" -> integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "Edm.Int64" -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case "Edm.Int16" -> integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case "Edm.Byte" -> integral(value, 0, 255);
            case "Edm.Double", "Edm.Single" -> value instanceof JsonNumber
                    || value instanceof JsonString text && List.of("NaN", "INF", "-INF").contains(text.getString());
            case "Edm.Decimal" -> value instanceof JsonNumber;
            case "Edm.DateTimeOffset" -> parses(value, DateTimeOffset::parse);
            case "Edm.Date" -> parses(value, LocalDate::parse);
            case "Edm.TimeOfDay" -> parses(value, LocalTime::parse);
            case "Edm.Duration" -> parses(value, Duration::parse);
            case "Edm.Guid" -> value instanceof JsonString text && GUID.matcher(text.getString()).matches();
            case "Edm.Binary" -> parses(value, EdmValues::base64);
            default -> true; // Edm.Untyped: anything
        };
        if (!valid) {
            throw wrongType(owner, path, type);
        }
        return value;
    }

    private JsonValue member(String owner, String path, EdmType.Enum type, JsonValue value) {
        if (!(value instanceof JsonString text)) {
            throw wrongType(owner, path, type.name());
        }
        List<String> names = type.flags() ? List.of(text.getString().split(",", -1)) : List.of(text.getString());
        for (String name : names) {
            if (!type.members().contains(type.flags() ? name.strip() : name)) {
                throw GraphException.badRequest("The value '" + text.getString() + "' of property '" + path
                        + "' is not a member of enum type '" + type.name() + "'.");
            }
        }
        return value;
    }

    private JsonValue complex(String path, EdmType.Structured declared, JsonValue value) {
        if (value.getValueType() != ValueType.OBJECT) {
            throw GraphException.badRequest("The property '" + path + "' must be a " + declared.name() + " object.");
        }
        JsonObject object = value.asJsonObject();
        String type = declared.name();
        JsonValue odataType = object.get("@odata.type");
        if (odataType != null) {
            String named = odataType instanceof JsonString text ? text.getString().replaceFirst("^#", "") : null;
            if (named == null || !metadata.derivesFrom(named, declared.name())) {
                throw GraphException.badRequest("The @odata.type " + odataType + " of property '" + path
                        + "' is not " + declared.name() + " or a type derived from it.");
            }
            type = named;
        }
        List<EdmProperty> properties = metadata.properties(type);
        for (String key : object.keySet()) {
            String name = EntityBody.propertyOf(key);
            if (!name.isEmpty() && properties.stream().noneMatch(p -> p.name().equals(name))) {
                throw GraphException.badRequest("The property '" + path + "." + name + "' does not exist on type '"
                        + type + "'.");
            }
        }
        JsonObjectBuilder kept = JsonValues.object();
        if (odataType != null) {
            kept.add("@odata.type", odataType);
        }
        for (EdmProperty property : properties) {
            JsonValue sent = object.get(property.name());
            kept.add(property.name(), sent == null ? unset(property)
                    : read(type, path + "." + property.name(), property, sent));
        }
        return kept.build();
    }

    /** What an answer shows for a property never set: an empty collection, null, or the type's default. */
    public JsonValue unset(EdmProperty property) {
        if (property.collection()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (property.nullable()) {
            return JsonValue.NULL;
        }
        return switch (property.type()) {
            case "Edm.String" -> JsonValues.PROVIDER.createValue("");
            case "Edm.Boolean" -> JsonValue.FALSE;
            case "Edm.Int32", "Edm.Int64", "Edm.Int16", "Edm.Byte", "Edm.Double", "Edm.Single", "Edm.Decimal" ->
                    JsonValues.PROVIDER.createValue(BigDecimal.ZERO);
            case "Edm.DateTimeOffset" -> JsonValues.PROVIDER.createValue(DateTimeOffset.MIN.text());
            case "Edm.Date" -> JsonValues.PROVIDER.createValue("0001-01-01");
            case "Edm.TimeOfDay" -> JsonValues.PROVIDER.createValue("00:00:00");
            case "Edm.Duration" -> JsonValues.PROVIDER.createValue("PT0S");
            case "Edm.Guid" -> JsonValues.PROVIDER.createValue("00000000-0000-0000-0000-000000000000");
            case "Edm.Binary" -> JsonValues.PROVIDER.createValue("");
            default -> {
                EdmType type = metadata.types().get(property.type());
                if (type instanceof EdmType.Enum members) {
                    yield JsonValues.PROVIDER.createValue(members.members().get(0));
                }
                if (type instanceof EdmType.Structured) {
                    JsonObjectBuilder object = JsonValues.object();
                    metadata.properties(type.name()).forEach(p -> object.add(p.name(), unset(p)));
                    yield object.build();
                }
                yield JsonValue.NULL;
            }
        };
    }

    private static boolean integral(JsonValue value, long min, long max) {
        if (!(value instanceof JsonNumber number)) {
            return false;
        }
        try {
            long exact = number.bigDecimalValue().longValueExact();
            return exact >= min && exact <= max;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static boolean parses(JsonValue value, java.util.function.Function<String, ?> parser) {
        if (!(value instanceof JsonString text)) {
            return false;
        }
        try {
            parser.apply(text.getString());
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    /** Base64, in the standard or the URL alphabet: Graph's docs write the first, OData's JSON format the second. */
    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Base64.getUrlDecoder().decode(text);
        }
    }

    private static GraphException wrongType(String owner, String path, String edmType) {
        return GraphException.badRequest("The property '" + path + "' of type '" + owner + "' must be an " + edmType + ".");
    }
}
