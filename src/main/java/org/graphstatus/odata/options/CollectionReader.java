package org.graphstatus.odata.options;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.QueryProperty.Type;

/**
 * Reads one page of a collection with Criteria: the rows under a parent that {@code $filter} keeps, in the
 * {@code $orderby} order, after the {@code $skiptoken}'s row (keyset: the next page starts after the last
 * row's keys by index, so page 5,000 costs what page 1 does). The page's query also selects each row's order
 * keys, as the database compares them, so the next token is made from them rather than read off the entity.
 * Client text never reaches a query string.
 */
public final class CollectionReader {

    /** The attribute that holds a row's tenant, in every entity. */
    private static final String TENANT = "tenantId";

    private CollectionReader() {
    }

    /**
     * A page of the {@code tenant}'s {@code type} rows whose {@code parent} (the attribute with the parent's
     * key, or null for a top-level collection) is {@code parentId}. A basic attribute, not the relationship's id: through the
     * relationship EclipseLink joins the parent's table to order by its key, and no index then serves the order.
     */
    public static <T> Page<T> read(EntityManager em, Class<T> type, ODataQuery query, String tenant, String parent,
            String parentId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var select = cb.createTupleQuery();
        Root<T> root = select.from(type);
        List<OrderBy.Key> keys = query.orderBy().keys();
        List<Expression<?>> keyValues = keys.stream().<Expression<?>>map(key -> expression(cb, root, key.property())).toList();
        List<Order> order = new ArrayList<>();
        // The rows share the tenant and the parent key, so leading the order with them changes no result, but
        // only then can H2 read the (tenant, parent, id) index in order instead of sorting all of the parent's
        // rows (the first page's id bound below is the other half of this).
        order.add(cb.asc(root.get(TENANT)));
        if (parent != null) {
            order.add(cb.asc(root.get(parent)));
        }
        for (int i = 0; i < keys.size(); i++) {
            order.add(keys.get(i).descending() ? cb.desc(keyValues.get(i)) : cb.asc(keyValues.get(i)));
        }
        var selections = new ArrayList<Selection<?>>();
        selections.add(root);
        selections.addAll(keyValues);
        select.multiselect(selections)
                .where(ofParent(cb, root, tenant, parent, parentId), filter(cb, root, query), after(cb, root, query, keyValues))
                .orderBy(order);
        // one row more than the page tells whether another page follows, without counting
        List<Tuple> rows = em.createQuery(select).setFirstResult(query.firstResult())
                .setMaxResults(query.pageSize() + 1).getResultList();
        // $top=0 asks for no rows: an empty page, and nothing to continue after
        boolean more = query.pageSize() > 0 && rows.size() > query.pageSize();
        List<Tuple> page = rows.subList(0, Math.min(rows.size(), query.pageSize()));
        Map<String, String> next = more ? query.nextLinkParameters(lastKeys(page.get(page.size() - 1), keys.size())) : null;
        return new Page<>(page.stream().map(row -> type.cast(row.get(0))).toList(),
                query.count() ? count(em, type, query, tenant, parent, parentId) : null, next);
    }

    /** How many of the tenant's rows under the parent {@code $filter} matches, for {@code $count=true} and {@code /$count}. */
    public static <T> long count(EntityManager em, Class<T> type, ODataQuery query, String tenant, String parent,
            String parentId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var count = cb.createQuery(Long.class);
        Root<T> root = count.from(type);
        count.select(cb.count(root)).where(ofParent(cb, root, tenant, parent, parentId), filter(cb, root, query));
        return em.createQuery(count).getSingleResult();
    }

    private static List<Object> lastKeys(Tuple row, int keys) {
        var values = new ArrayList<Object>();
        for (int i = 1; i <= keys; i++) {
            values.add(row.get(i));
        }
        return values;
    }

    /** The tenant's rows, under the parent if there is one: the tenant is in every query, never optional. */
    private static Predicate ofParent(CriteriaBuilder cb, Root<?> root, String tenant, String parent, String parentId) {
        Predicate ofTenant = cb.equal(root.get(TENANT), Objects.requireNonNull(tenant));
        return parent == null ? ofTenant : cb.and(ofTenant, cb.equal(root.get(parent), parentId));
    }

    private static Predicate filter(CriteriaBuilder cb, Root<?> root, ODataQuery query) {
        return query.filter() == null ? cb.conjunction() : query.filter().toPredicate(cb, root);
    }

    /** For a later page: after the previous page's last row in the order of the keys. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate after(CriteriaBuilder cb, Root<?> root, ODataQuery query, List<Expression<?>> keyValues) {
        List<OrderBy.Key> keys = query.orderBy().keys();
        List<Object> after = query.after();
        if (after == null) {
            // A first page in key order starts at the smallest key. Saying so changes no result, but H2
            // then reads the (parent, id) index in order instead of choosing the foreign key's index and
            // sorting every row of the parent (1,000,000 statuses: 45 s before, 299 rows read after).
            return query.orderBy().byIdOnly()
                    ? cb.greaterThanOrEqualTo(root.get(QueryModel.ID.attribute()), "")
                    : cb.conjunction();
        }
        // (k1 > v1) or (k1 = v1 and k2 > v2) or ... with < for descending keys
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Expression key = keyValues.get(i);
            Comparable value = (Comparable) after.get(i);
            Predicate beyond = keys.get(i).descending() ? cb.lessThan(key, value) : cb.greaterThan(key, value);
            var conjunction = new ArrayList<>(equalSoFar);
            conjunction.add(beyond);
            alternatives.add(cb.and(conjunction.toArray(Predicate[]::new)));
            equalSoFar.add(cb.equal(key, value));
        }
        return cb.or(alternatives.toArray(Predicate[]::new));
    }

    /**
     * H2 sorts nulls first and PostgreSQL last, and a null never compares: a nullable string is ordered and
     * compared as the empty string instead, the same on both; ties are broken by id.
     */
    private static Expression<?> expression(CriteriaBuilder cb, Root<?> root, QueryProperty property) {
        Expression<String> path = root.get(property.attribute());
        return property.nullable() && property.type() == Type.STRING ? cb.coalesce(path, "") : path;
    }
}
