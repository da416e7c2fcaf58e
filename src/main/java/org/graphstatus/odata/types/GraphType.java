package org.graphstatus.odata.types;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;
import org.graphstatus.odata.options.QueryModel;
import org.graphstatus.odata.options.QueryProperty;

/**
 * One Graph type's wire form, declared once as a table of its properties: from it come the property set a
 * body is checked against, what {@code $filter}, {@code $orderby} and {@code $select} may name, reading a
 * create body, applying a PATCH, and writing an answer. Adding a property to a type is one line here (plus
 * its column and its OpenAPI schema).
 *
 * <p>The rules every type shares, as Graph applies them: the key and the server-kept properties are
 * type-checked and ignored in any body (clients send back what they read, and Graph's own update examples
 * do); a PATCH whose {@code id} differs from the URL's is a 400; a non-nullable property is never set to
 * null, and a create that leaves one out gets the type's default.
 *
 * @param <E> the entity that holds the type's values
 */
public final class GraphType<E> {

    /** Reads one property's value from a body, checking its JSON type and limits (a 400 names the property). */
    @FunctionalInterface
    public interface Reader {
        Object read(EntityBody body, String name);
    }

    /**
     * One property: how it is read, written, set and queried. {@code setter} is null for a server-kept property,
     * {@code fallback} is the value a create gets when the body leaves the property out (null: none),
     * {@code query} is null for one that query options cannot name.
     */
    public record Property<E>(String name, Reader reader, BiConsumer<E, Object> setter, Function<E, JsonValue> writer,
            boolean nullable, Object fallback, QueryProperty query) {

        /** Whether only the server sets it: a body may send it, and it is ignored. */
        public boolean serverKept() {
            return setter == null;
        }
    }

    private final String name;
    private final Supplier<E> factory;
    private final Map<String, Property<E>> properties;
    private final List<BiConsumer<EntityBody, E>> rules;
    private final QueryModel query;

    private GraphType(String name, Supplier<E> factory, Map<String, Property<E>> properties,
            List<BiConsumer<EntityBody, E>> rules) {
        this.name = name;
        this.factory = factory;
        this.properties = Collections.unmodifiableMap(properties);
        this.rules = List.copyOf(rules);
        this.query = new QueryModel(name, properties.values().stream().map(Property::query).filter(Objects::nonNull).toList());
    }

    /**
     * A type named as in the metadata, e.g. {@code microsoft.graph.mobileAppInstallStatus}, held by entities
     * that {@code factory} makes and whose id {@code key} reads.
     */
    public static <E> Builder<E> of(String name, Function<E, String> key, Supplier<E> factory) {
        return new Builder<>(name, key, factory);
    }

    /** {@code microsoft.graph.mobileAppInstallStatus}. */
    public String name() {
        return name;
    }

    /** The {@code @odata.type} this service writes: the name with OData's {@code #}. */
    public String odataType() {
        return "#" + name;
    }

    /** Every property name, the key included: what a body and {@code $select} may name. */
    public Set<String> propertyNames() {
        return properties.keySet();
    }

    /** The properties, the key first, in the order Graph writes them. */
    public Collection<Property<E>> properties() {
        return properties.values();
    }

    /** What {@code $filter} and {@code $orderby} may name. */
    public QueryModel query() {
        return query;
    }

    /** A body of exactly this type: no property it does not declare. */
    public EntityBody body(JsonObject json) {
        return EntityBody.of(json, name, propertyNames());
    }

    /** A new entity from a create body of exactly this type (see {@link #create}). */
    public E read(JsonObject json) {
        return create(body(json), factory.get());
    }

    /** The changes of a PATCH body of exactly this type to the entity {@code id} (see {@link #patch(EntityBody, String)}). */
    public Consumer<E> patch(JsonObject json, String id) {
        return patch(body(json), id);
    }

    /**
     * Fills a new entity from a create body: every property the body names, the type's default for each
     * non-nullable one it leaves out; the key and server-kept properties are checked and ignored.
     */
    public E create(EntityBody body, E entity) {
        properties.values().forEach(property -> {
            if (body.has(property.name())) {
                set(body, entity, property);
            } else if (property.fallback() != null && !property.serverKept()) {
                property.setter().accept(entity, property.fallback());
            }
        });
        rules.forEach(rule -> rule.accept(body, entity));
        return entity;
    }

    /**
     * Reads a PATCH body, all of it, before anything is looked up or changed: the changes it makes, which
     * cannot fail, to apply to the entity found. Only what the body names changes; the key may be sent back
     * as the URL has it, and server-kept properties are checked and ignored, as in a create.
     */
    public Consumer<E> patch(EntityBody body, String id) {
        String sentId = body.string("id", Integer.MAX_VALUE);
        if (sentId != null && !sentId.equals(id)) {
            throw GraphException.badRequest("The property 'id' of type '" + name + "' is the key and cannot be changed: "
                    + "the URL names '" + id + "', the body '" + sentId + "'.");
        }
        List<Consumer<E>> changes = new ArrayList<>();
        properties.values().stream().filter(property -> body.has(property.name())).forEach(property -> {
            Object value = read(body, property);
            if (!property.serverKept()) {
                changes.add(entity -> property.setter().accept(entity, value));
            }
        });
        rules.forEach(rule -> changes.add(entity -> rule.accept(body, entity)));
        return entity -> changes.forEach(change -> change.accept(entity));
    }

    private void set(EntityBody body, E entity, Property<E> property) {
        Object value = read(body, property);
        if (!property.serverKept()) {
            property.setter().accept(entity, value);
        }
    }

    private static <E> Object read(EntityBody body, Property<E> property) {
        if (!property.nullable()) {
            body.nonNullable(property.name());
        }
        return property.reader().read(body, property.name());
    }

    /** The entity as Graph answers it: {@code @odata.type}, then every property in declaration order. */
    public JsonObjectBuilder write(E entity) {
        var json = JsonValues.object().add(EntityBody.ODATA_TYPE, odataType());
        properties.values().forEach(property -> json.add(property.name(), property.writer().apply(entity)));
        return json;
    }

    /** Declares a type's properties in the order Graph writes them. */
    public static final class Builder<E> {

        private final String name;
        private final Function<E, String> key;
        private final Supplier<E> factory;
        private final Map<String, Property<E>> properties = new LinkedHashMap<>();
        private final List<BiConsumer<EntityBody, E>> rules = new ArrayList<>();

        private Builder(String name, Function<E, String> key, Supplier<E> factory) {
            this.name = name;
            this.key = key;
            this.factory = factory;
            add(new Property<>("id", (body, n) -> body.string(n, Integer.MAX_VALUE), null,
                    entity -> JsonValues.string(key.apply(entity)), true, null, QueryModel.ID));
        }

        /** A nullable {@code Edm.String} of at most {@code maxLength} characters, filterable. */
        public Builder<E> string(String name, Function<E, String> getter, BiConsumer<E, String> setter, int maxLength) {
            return add(new Property<>(name, (body, n) -> body.string(n, maxLength), cast(setter),
                    entity -> JsonValues.string(getter.apply(entity)), true, null, QueryProperty.string(name, name, true)));
        }

        /** A non-nullable {@code Edm.Int32}, filterable. */
        public Builder<E> int32(String name, Function<E, Integer> getter, BiConsumer<E, Integer> setter, int fallback) {
            return add(new Property<>(name, EntityBody::int32, cast(setter),
                    entity -> JsonValues.PROVIDER.createValue(getter.apply(entity)), false, fallback,
                    QueryProperty.int32(name, name, false)));
        }

        /** A non-nullable {@code Edm.Boolean}, filterable. */
        public Builder<E> bool(String name, Function<E, Boolean> getter, BiConsumer<E, Boolean> setter, boolean fallback) {
            return add(new Property<>(name, EntityBody::bool, cast(setter),
                    entity -> getter.apply(entity) ? JsonValue.TRUE : JsonValue.FALSE, false, fallback,
                    QueryProperty.bool(name, name)));
        }

        /**
         * A non-nullable enum, by member name; the Java constants carry exactly Graph's names, and
         * {@code enumName} is the Graph enum type, e.g. {@code microsoft.graph.resultantAppState}.
         */
        public <M extends Enum<M>> Builder<E> member(String name, Class<M> members, String enumName,
                Function<E, M> getter, BiConsumer<E, M> setter, M fallback) {
            return add(new Property<>(name, (body, n) -> body.member(n, members, enumName), cast(setter),
                    entity -> JsonValues.PROVIDER.createValue(getter.apply(entity).name()), false, fallback,
                    QueryProperty.member(name, name, members, enumName)));
        }

        /**
         * A non-nullable {@code Edm.DateTimeOffset}, filtered and ordered by its instant through
         * {@code ticksAttribute}, the entity's long attribute in 100 ns ticks.
         */
        public Builder<E> dateTimeOffset(String name, Function<E, DateTimeOffset> getter,
                BiConsumer<E, DateTimeOffset> setter, DateTimeOffset fallback, String ticksAttribute) {
            return add(new Property<>(name, EntityBody::dateTimeOffset, cast(setter),
                    entity -> JsonValues.PROVIDER.createValue(getter.apply(entity).text()), false, fallback,
                    QueryProperty.dateTimeOffset(name, ticksAttribute)));
        }

        /** A property of another kind (a complex value, a collection), read and written as given; not filterable. */
        public Builder<E> other(String name, Reader reader, BiConsumer<E, Object> setter, Function<E, JsonValue> writer) {
            return add(new Property<>(name, reader, setter, writer, true, null, null));
        }

        /**
         * A property only the server sets ({@code createdDateTime}, counts): {@code reader} type-checks it in a
         * body, which cannot change it; it answers {@code writer}'s value; not filterable.
         */
        public Builder<E> serverKept(String name, Reader reader, Function<E, JsonValue> writer) {
            return add(new Property<>(name, reader, null, writer, false, null, null));
        }

        /** A rule over the whole body, run after its properties are applied (e.g. two properties that mirror each other). */
        public Builder<E> rule(BiConsumer<EntityBody, E> rule) {
            rules.add(rule);
            return this;
        }

        public GraphType<E> build() {
            return new GraphType<>(name, factory, properties, rules);
        }

        private Builder<E> add(Property<E> property) {
            if (properties.putIfAbsent(property.name(), property) != null) {
                throw new IllegalArgumentException(name + " declares '" + property.name() + "' twice");
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        private static <E, V> BiConsumer<E, Object> cast(BiConsumer<E, V> setter) {
            return (BiConsumer<E, Object>) setter;
        }
    }
}
