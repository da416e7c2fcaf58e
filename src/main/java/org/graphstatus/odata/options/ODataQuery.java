package org.graphstatus.odata.options;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.Json;
import org.graphstatus.odata.options.QueryProperty.Type;

/**
 * The OData query options of one request for a collection: {@code $filter}, {@code $orderby}, {@code $select},
 * {@code $expand}, {@code $top}, {@code $skip}, {@code $count} and {@code $skiptoken}, checked against the type's
 * {@link QueryModel} and turned into Criteria. Pages continue by key: the {@code $skiptoken} holds the
 * order keys of the last row sent, and the next page starts after them, so page 10,000 costs what page 1 does.
 * {@code $top} is the page size, as on Graph (in plain OData it is a total): SDK page iterators follow
 * {@code @odata.nextLink} to the end of the collection, and {@code $top=999} then reads everything.
 */
public final class ODataQuery {

    private static final Set<String> OPTIONS = Set.of("$filter", "$orderby", "$select", "$expand", "$top", "$skip",
            "$count", "$skiptoken");
    private static final Set<String> COUNT_OPTIONS = Set.of("$filter");

    /** The page size without {@code $top}, as on Graph. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    private record Key(QueryProperty property, boolean descending) {
        @Override
        public String toString() {
            return property.name() + (descending ? " desc" : " asc");
        }
    }

    private final Map<String, String> options;
    private final Filter filter;
    private final List<Key> keys;
    private final Projection projection;
    private final int skip;
    private final boolean count;
    private final List<Object> after; // the order keys of the previous page's last row, or null
    private final int pageSize;

    private ODataQuery(Map<String, String> options, QueryModel model, Set<String> selectable, Set<String> expandable,
            int maxPageSize) {
        this.options = options;
        this.filter = options.containsKey("$filter") ? FilterParser.parse(options.get("$filter"), model) : null;
        this.keys = orderBy(options.get("$orderby"), model);
        this.projection = Projection.parse(options, selectable, expandable);
        Integer top = options.containsKey("$top") ? number("$top") : null;
        if (top != null && top > maxPageSize) {
            throw GraphException.badRequest("The $top " + top + " is larger than a page may be, " + maxPageSize
                    + "; ask for at most " + maxPageSize + " and follow @odata.nextLink.");
        }
        this.skip = options.containsKey("$skip") ? number("$skip") : 0;
        this.count = bool("$count");
        this.after = options.containsKey("$skiptoken") ? readToken(options.get("$skiptoken")) : null;
        this.pageSize = top == null ? Math.min(DEFAULT_PAGE_SIZE, maxPageSize) : top;
    }

    /**
     * The options of a request for a collection; {@code expandable} names the navigations {@code $expand} may
     * name, {@code maxPageSize} the largest {@code $top}.
     *
     * @throws GraphException 400 for an unknown, repeated or malformed option; other parameters are ignored
     */
    public static ODataQuery parse(MultivaluedMap<String, String> parameters, QueryModel model, Set<String> selectable,
            Set<String> expandable, int maxPageSize) {
        return new ODataQuery(QueryOptions.read(parameters, OPTIONS), model, selectable, expandable, maxPageSize);
    }

    /** The options of a {@code /$count} request: only {@code $filter} applies. */
    public static ODataQuery parseCount(MultivaluedMap<String, String> parameters, QueryModel model) {
        return new ODataQuery(QueryOptions.read(parameters, COUNT_OPTIONS), model, Set.of(), Set.of(), DEFAULT_PAGE_SIZE);
    }

    public boolean count() {
        return count;
    }

    /** What {@code $select} and {@code $expand} ask of each row. */
    public Projection projection() {
        return projection;
    }

    /** Rows to fetch for this page: {@code $top}, else the default. */
    public int pageSize() {
        return pageSize;
    }

    /** {@code $skip} applies before the first page only; later pages start after their token. */
    public int firstResult() {
        return after == null ? skip : 0;
    }

    public Predicate filter(CriteriaBuilder cb, Root<?> root) {
        return filter == null ? cb.conjunction() : filter.toPredicate(cb, root);
    }

    /** The filter, and for a later page: after the previous page's last row in the order of the keys. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Predicate where(CriteriaBuilder cb, Root<?> root) {
        Predicate where = filter(cb, root);
        if (after == null) {
            // A first page in key order starts at the smallest key. Saying so changes no result, but H2
            // then reads the (parent, id) index in order instead of choosing the foreign key's index and
            // sorting every row of the parent (1,000,000 statuses: 45 s before, 299 rows read after).
            return keys.get(0).equals(new Key(QueryModel.ID, false))
                    ? cb.and(where, cb.greaterThanOrEqualTo(root.get(QueryModel.ID.attribute()), ""))
                    : where;
        }
        // (k1 > v1) or (k1 = v1 and k2 > v2) or ... with < for descending keys
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Expression key = expression(cb, root, keys.get(i).property());
            Comparable value = (Comparable) after.get(i);
            Predicate beyond = keys.get(i).descending() ? cb.lessThan(key, value) : cb.greaterThan(key, value);
            var conjunction = new ArrayList<>(equalSoFar);
            conjunction.add(beyond);
            alternatives.add(cb.and(conjunction.toArray(Predicate[]::new)));
            equalSoFar.add(cb.equal(key, value));
        }
        return cb.and(where, cb.or(alternatives.toArray(Predicate[]::new)));
    }

    public List<Order> orderBy(CriteriaBuilder cb, Root<?> root) {
        return keys.stream().map(key -> key.descending() ? cb.desc(expression(cb, root, key.property()))
                : cb.asc(expression(cb, root, key.property()))).toList();
    }

    /** The {@code $skiptoken} that continues after {@code last}, read from its key attributes. */
    public String nextSkipToken(Object last) {
        var values = Json.PROVIDER.createArrayBuilder().add(fingerprint());
        for (Key key : keys) {
            Object value = attribute(last, key.property().attribute());
            if (value == null) {
                value = ""; // a null string sorts as the empty string (see expression)
            }
            if (value instanceof Integer i) {
                values.add(i);
            } else if (value instanceof Long l) {
                values.add(l);
            } else if (value instanceof Boolean b) {
                values.add(b);
            } else if (value instanceof Enum<?> e) {
                values.add(e.name());
            } else {
                values.add(value.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(values.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The next page's options: the client's own ({@code $top}, the page size, included), less {@code $skip}. */
    public Map<String, String> nextLinkParameters(String skipToken) {
        var next = new LinkedHashMap<>(options);
        next.remove("$skip");
        next.remove("$skiptoken");
        next.put("$skiptoken", skipToken);
        return next;
    }

    /**
     * H2 sorts nulls first and PostgreSQL last, and a null never compares: a nullable string is ordered and
     * compared as the empty string instead, the same on both; ties are broken by id.
     */
    private static Expression<?> expression(CriteriaBuilder cb, Root<?> root, QueryProperty property) {
        Expression<String> path = root.get(property.attribute());
        return property.nullable() && property.type() == Type.STRING ? cb.coalesce(path, "") : path;
    }

    private static List<Key> orderBy(String text, QueryModel model) {
        var keys = new ArrayList<Key>();
        if (text != null) {
            for (String item : text.split(",", -1)) {
                String[] words = item.trim().split(" +");
                QueryProperty property = model.property(words[0]).orElseThrow(() -> GraphException.badRequest(
                        "The $orderby names '" + words[0] + "', which is not a property of " + model.type() + " it can order by."));
                if (words.length > 2 || words.length == 2 && !words[1].equals("asc") && !words[1].equals("desc")) {
                    throw GraphException.badRequest("The $orderby item '" + item.trim() + "' is not 'property', 'property asc' or 'property desc'.");
                }
                if (keys.stream().anyMatch(key -> key.property().equals(property))) {
                    throw GraphException.badRequest("The $orderby names '" + property.name() + "' twice.");
                }
                keys.add(new Key(property, words.length == 2 && words[1].equals("desc")));
            }
        }
        if (keys.stream().noneMatch(key -> key.property().equals(QueryModel.ID))) {
            keys.add(new Key(QueryModel.ID, false)); // makes the order total, which paging by key needs
        }
        return keys;
    }

    private int number(String option) {
        String text = options.get(option);
        if (!text.matches("\\d{1,9}")) {
            throw GraphException.badRequest("The query option '" + option + "' must be a whole number from 0, not '" + text + "'.");
        }
        return Integer.parseInt(text);
    }

    private boolean bool(String option) {
        String text = options.getOrDefault(option, "false");
        if (!text.equals("true") && !text.equals("false")) {
            throw GraphException.badRequest("The query option '" + option + "' must be true or false, not '" + text + "'.");
        }
        return text.equals("true");
    }

    /** Ties a token to the order it was made for: another $orderby would read its values wrongly. */
    private String fingerprint() {
        return keys.toString();
    }

    private List<Object> readToken(String token) {
        GraphException invalid = GraphException.badRequest("The $skiptoken is not one this service made for this $orderby; "
                + "follow @odata.nextLink as it is.");
        JsonArray values;
        try (var reader = Json.PROVIDER.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)))) {
            values = reader.readArray();
        } catch (RuntimeException e) {
            throw invalid;
        }
        if (values.size() != keys.size() + 1 || !values.get(0).equals(Json.string(fingerprint()))) {
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

    /** The value of a key attribute of an entity: entities use field access, so the field is the attribute. */
    private static Object attribute(Object entity, String attribute) {
        Field field = FIELDS.computeIfAbsent(entity.getClass().getName() + "#" + attribute, key -> {
            try {
                Field found = entity.getClass().getDeclaredField(attribute);
                found.setAccessible(true);
                return found;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("No attribute " + attribute + " in " + entity.getClass(), e);
            }
        });
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
