package org.graphstatus.odata.options;

/**
 * A property that {@code $filter} and {@code $orderby} may name: its wire name, the JPA attribute that holds
 * it and its Edm type. A DateTimeOffset is compared through its ticks attribute, an instant, never its text.
 */
public record QueryProperty(String name, String attribute, Type type, Class<? extends Enum<?>> enumType,
        String enumTypeName, boolean nullable) {

    public enum Type { STRING, INT32, BOOLEAN, DATE_TIME_OFFSET, ENUM }

    public static QueryProperty string(String name, String attribute, boolean nullable) {
        return new QueryProperty(name, attribute, Type.STRING, null, null, nullable);
    }

    public static QueryProperty int32(String name, String attribute, boolean nullable) {
        return new QueryProperty(name, attribute, Type.INT32, null, null, nullable);
    }

    public static QueryProperty bool(String name, String attribute) {
        return new QueryProperty(name, attribute, Type.BOOLEAN, null, null, false);
    }

    /** {@code ticksAttribute}: the long attribute with the instant in 100 ns ticks. */
    public static QueryProperty dateTimeOffset(String name, String ticksAttribute) {
        return new QueryProperty(name, ticksAttribute, Type.DATE_TIME_OFFSET, null, null, false);
    }

    /** An enum whose Java constants carry exactly the Graph member names, stored by name. */
    public static QueryProperty member(String name, String attribute, Class<? extends Enum<?>> enumType, String enumTypeName) {
        return new QueryProperty(name, attribute, Type.ENUM, enumType, enumTypeName, false);
    }
}
