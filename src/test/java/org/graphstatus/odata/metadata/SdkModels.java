package org.graphstatus.odata.metadata;

import com.microsoft.graph.beta.models.Entity;
import com.microsoft.kiota.PeriodAndDuration;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParseNode;
import com.microsoft.kiota.serialization.ValuedEnum;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Graph's types as the official beta SDK's model classes hold them: Kiota generated each class from Graph's
 * metadata, so a class's deserializers name the type's properties and its getters give their EDM types.
 * Nullability and read-only flags are not in the classes; {@link GraphTypeDefinitions} has them.
 */
public final class SdkModels {

    static final String MODELS = "com.microsoft.graph.beta.models.";
    private static final Pattern DISCRIMINATOR = Pattern.compile("#microsoft\\.graph\\.([A-Za-z0-9]+)");

    /** A property as the SDK has it: its EDM type (without {@code Collection(...)}) and whether it is navigation. */
    record Property(String name, String type, boolean collection, boolean flags, boolean navigation, Class<?> target) {
    }

    private SdkModels() {
    }

    /** The model class of a Graph type, e.g. {@code webApp}. */
    static Class<?> model(String graphName) {
        try {
            return Class.forName(MODELS + Character.toUpperCase(graphName.charAt(0)) + graphName.substring(1));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the SDK has no model for " + graphName, e);
        }
    }

    /** The Graph name of a model or enum class, e.g. {@code webApp}. */
    static String graphName(Class<?> model) {
        String simple = model.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    static boolean isModel(Class<?> type) {
        return Parsable.class.isAssignableFrom(type) && type.getName().startsWith(MODELS);
    }

    /** The properties a model class declares itself (not its base class's), navigation ones included. */
    static List<Property> declared(Class<?> model) {
        Set<String> names = new LinkedHashSet<>(new TreeSet<>(deserializers(model)));
        Class<?> base = model.getSuperclass();
        if (isModel(base)) {
            names.removeAll(deserializers(base));
        }
        names.remove("@odata.type");
        List<Property> properties = new ArrayList<>();
        for (String name : names) {
            properties.add(property(model, name));
        }
        return properties;
    }

    private static Set<String> deserializers(Class<?> model) {
        try {
            @SuppressWarnings("unchecked")
            var map = (Map<String, Consumer<ParseNode>>) model.getMethod("getFieldDeserializers")
                    .invoke(model.getConstructor().newInstance());
            return map.keySet();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.getName(), e);
        }
    }

    private static Property property(Class<?> model, String name) {
        Method getter = Arrays.stream(model.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && plain(m.getName()).equalsIgnoreCase(plain("get" + name)))
                .findFirst().orElseThrow(() -> new IllegalStateException(model.getSimpleName() + " has no getter for " + name));
        Type type = getter.getGenericReturnType();
        boolean collection = false;
        boolean flags = false;
        if (type instanceof ParameterizedType generic) {
            collection = generic.getRawType() == List.class;
            flags = generic.getRawType() == EnumSet.class;
            type = generic.getActualTypeArguments()[0];
        }
        Class<?> target = (Class<?>) type;
        return new Property(name, edm(target), collection, flags, Entity.class.isAssignableFrom(target), target);
    }

    /** A name as Kiota makes a Java identifier of it: {@code v10_0} has the getter {@code getV100}. */
    private static String plain(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "");
    }

    private static String edm(Class<?> type) {
        if (type.isEnum() && ValuedEnum.class.isAssignableFrom(type) || isModel(type)) {
            return GraphMetadata.NAMESPACE + "." + graphName(type);
        }
        if (type == String.class) return "Edm.String";
        if (type == Boolean.class) return "Edm.Boolean";
        if (type == Integer.class) return "Edm.Int32";
        if (type == Long.class) return "Edm.Int64";
        if (type == Double.class) return "Edm.Double";
        if (type == Float.class) return "Edm.Single";
        if (type == BigDecimal.class) return "Edm.Decimal";
        if (type == Short.class) return "Edm.Int16";
        if (type == Byte.class) return "Edm.Byte";
        if (type == OffsetDateTime.class) return "Edm.DateTimeOffset";
        if (type == LocalDate.class) return "Edm.Date";
        if (type == LocalTime.class) return "Edm.TimeOfDay";
        if (type == PeriodAndDuration.class) return "Edm.Duration";
        if (type == UUID.class) return "Edm.Guid";
        if (type == byte[].class) return "Edm.Binary";
        throw new IllegalStateException("no EDM type for " + type.getName());
    }

    /** An enum's members, by the names Graph writes. */
    static List<String> members(Class<?> enumClass) {
        return Arrays.stream(enumClass.getEnumConstants()).map(member -> ((ValuedEnum) member).getValue()).toList();
    }

    /**
     * The types a model's {@code createFromDiscriminatorValue} can make, itself excepted: the strings of its
     * compiled class, read as they are (the method needs a parse node to call, the constant pool does not).
     */
    public static Set<String> discriminated(Class<?> model) {
        try (InputStream in = model.getResourceAsStream(model.getSimpleName() + ".class")) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            var types = new TreeSet<String>();
            DISCRIMINATOR.matcher(constants).results().forEach(match -> types.add(match.group(1)));
            types.remove(graphName(model));
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
