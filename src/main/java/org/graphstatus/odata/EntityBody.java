package org.graphstatus.odata;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.Set;

/**
 * A request body read strictly against one Graph type, as OData does: a property the type does not have,
 * a value of the wrong JSON type, an Int32 out of range, an enum member that does not exist or a date
 * without an offset is a 400 that names the property. A JSON {@code null} or a missing property reads as
 * {@code null}; the caller supplies the type's default. Instance annotations ({@code @odata.*}) are not
 * properties; of them only {@code @odata.type} is checked.
 */
public final class EntityBody {

    public static final String ODATA_TYPE = "@odata.type";

    private final JsonObject json;
    private final String type;

    private EntityBody(JsonObject json, String type) {
        this.json = json;
        this.type = type;
    }

    /**
     * A body for {@code type} (e.g. {@code microsoft.graph.mobileAppInstallStatus}) with only these properties.
     * Its {@code @odata.type}, if sent, must name the type, with or without OData's {@code #}: the .NET beta SDK
     * writes it without.
     */
    public static EntityBody of(JsonObject json, String type, Set<String> properties) {
        var body = new EntityBody(json, type);
        String odataType = body.odataType();
        if (odataType != null && !odataType.equals("#" + type)) {
            throw GraphException.badRequest("The @odata.type '" + body.annotation(ODATA_TYPE) + "' does not match '#" + type + "'.");
        }
        for (String name : json.keySet()) {
            String property = propertyOf(name);
            if (!property.isEmpty() && !properties.contains(property)) {
                throw GraphException.badRequest(
                        "The property '" + property + "' does not exist on type '" + type + "'.");
            }
        }
        return body;
    }

    /**
     * The property a key of a body names: the key itself, or for an annotation of a property
     * ({@code appUrl@odata.type}, which OData clients such as Olingo's write) the property annotated; empty for
     * an annotation of the object itself ({@code @odata.type}). Annotations are read where they matter and
     * otherwise ignored, as OData allows.
     */
    public static String propertyOf(String key) {
        int at = key.indexOf('@');
        return at < 0 ? key : key.substring(0, at);
    }

    /**
     * A body of an abstract type, whose derived type ({@code @odata.type}) the caller checks and whose
     * derived properties it reads itself.
     */
    public static EntityBody ofAbstract(JsonObject json, String baseType) {
        return new EntityBody(json, baseType);
    }

    /** The {@code @odata.type} in OData's {@code #} form, however the client wrote it; null when not sent. */
    public String odataType() {
        String odataType = annotation(ODATA_TYPE);
        return odataType == null || odataType.startsWith("#") ? odataType : "#" + odataType;
    }

    /** Whether the body names the property at all, with a value or with {@code null}: what an update changes. */
    public boolean has(String name) {
        return json.containsKey(name);
    }

    public String annotation(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != ValueType.STRING) {
            throw GraphException.badRequest("The annotation '" + name + "' must be a string.");
        }
        return ((JsonString) value).getString();
    }

    /** A string of at most {@code maxLength} characters, the width of the column that keeps it. */
    public String string(String name, int maxLength) {
        String text = text(name);
        if (text != null && text.length() > maxLength) {
            throw GraphException.badRequest("The property '" + name + "' is longer than " + maxLength + " characters.");
        }
        return text;
    }

    /** A string, without NUL characters: PostgreSQL cannot store them in text, and no Graph string holds one. */
    private String text(String name) {
        JsonValue value = valueOf(name, ValueType.STRING, "Edm.String");
        String text = value == null ? null : ((JsonString) value).getString();
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw GraphException.badRequest("The property '" + name + "' contains a NUL character (\\u0000).");
        }
        return text;
    }

    public Integer int32(String name) {
        JsonValue value = valueOf(name, ValueType.NUMBER, "Edm.Int32");
        if (value == null) {
            return null;
        }
        try {
            return ((JsonNumber) value).bigDecimalValue().intValueExact();
        } catch (ArithmeticException e) {
            throw GraphException.badRequest("The value of property '" + name + "' is not an Edm.Int32: " + value + ".");
        }
    }

    public Boolean bool(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == ValueType.NULL) {
            return null;
        }
        ValueType type = value.getValueType();
        if (type != ValueType.TRUE && type != ValueType.FALSE) {
            throw wrongType(name, "Edm.Boolean");
        }
        return type == ValueType.TRUE;
    }

    /** A structured value (a complex type or a collection) as it came, checked only for its JSON type. */
    public JsonValue structured(String name, ValueType expected, String edmType) {
        return valueOf(name, expected, edmType);
    }

    /** An enum member by its Graph name; the Java constants carry exactly those names. */
    public <E extends Enum<E>> E member(String name, Class<E> enumType, String graphEnum) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(enumType, text);
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("The value '" + text + "' of property '" + name
                    + "' is not a member of enum type '" + graphEnum + "'.");
        }
    }

    public DateTimeOffset dateTimeOffset(String name) {
        JsonValue value = valueOf(name, ValueType.STRING, "Edm.DateTimeOffset");
        if (value == null) {
            return null;
        }
        String text = ((JsonString) value).getString();
        try {
            return DateTimeOffset.parse(text);
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("The value '" + text + "' of property '" + name
                    + "' is not an Edm.DateTimeOffset: use ISO 8601 with an offset, e.g. 2017-01-01T00:02:49.3205976-08:00.");
        }
    }

    /** A property that must not be null once the type's default has been applied. */
    public static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** Refuses an explicit JSON null for a property the metadata declares non-nullable. */
    public EntityBody nonNullable(String... names) {
        for (String name : names) {
            JsonValue value = json.get(name);
            if (value != null && value.getValueType() == ValueType.NULL) {
                throw GraphException.badRequest("The property '" + name + "' of type '" + type + "' cannot be null.");
            }
        }
        return this;
    }

    private JsonValue valueOf(String name, ValueType expected, String edmType) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != expected) {
            throw wrongType(name, edmType);
        }
        return value;
    }

    private GraphException wrongType(String name, String edmType) {
        return GraphException.badRequest("The property '" + name + "' of type '" + type + "' must be an " + edmType + ".");
    }
}
