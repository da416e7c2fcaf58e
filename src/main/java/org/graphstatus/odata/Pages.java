package org.graphstatus.odata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.graphstatus.odata.options.ODataQuery;
import org.graphstatus.odata.options.QueryModel;

/**
 * One page of a collection: the rows the query options choose within a parent, a page ({@code $top}) of them,
 * {@code @odata.count} when asked, and the parameters of the next page's link when there is one. The
 * client's text never reaches a query string: {@link ODataQuery} builds Criteria predicates.
 */
@ApplicationScoped
public class Pages {

    /** The largest {@code $top}, the page size a client may ask for; Graph's usual limit is 999. */
    @Inject
    @ConfigProperty(name = "graph.page.max-size", defaultValue = "999")
    int maxPageSize;

    /** A page; {@code count} is null unless {@code $count=true}, {@code next} is null on the last page. */
    public record Page<T>(List<T> rows, Long count, Map<String, String> next) {
    }

    /** The query options of a request for a collection of {@code model}'s type, which has no navigation to expand. */
    public ODataQuery query(MultivaluedMap<String, String> parameters, QueryModel model, Set<String> selectable) {
        return query(parameters, model, selectable, Set.of());
    }

    /** The same for a type whose {@code expandable} navigations {@code $expand} may name. */
    public ODataQuery query(MultivaluedMap<String, String> parameters, QueryModel model, Set<String> selectable,
            Set<String> expandable) {
        return ODataQuery.parse(parameters, model, selectable, expandable, maxPageSize);
    }

    /**
     * A page of the {@code type} rows whose {@code parent} (the attribute with the parent's key, or null for a
     * top-level collection) is {@code parentId}. A basic attribute, not the relationship's id: through the
     * relationship EclipseLink joins the parent's table to order by its key, and no index then serves the order.
     */
    public static <T> Page<T> read(EntityManager em, Class<T> type, ODataQuery query, String parent, String parentId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var select = cb.createQuery(type);
        Root<T> root = select.from(type);
        List<Order> order = new ArrayList<>();
        if (parent != null) {
            // The rows share the parent key, so leading the order with it changes no result, but only then
            // can H2 read the (parent, id) index in order instead of sorting all of the parent's rows
            // (ODataQuery.where has the other half of this).
            order.add(cb.asc(root.get(parent)));
        }
        order.addAll(query.orderBy(cb, root));
        select.select(root).where(ofParent(cb, root, parent, parentId), query.where(cb, root)).orderBy(order);
        // one row more than the page tells whether another page follows, without counting
        List<T> rows = em.createQuery(select).setFirstResult(query.firstResult())
                .setMaxResults(query.pageSize() + 1).getResultList();
        // $top=0 asks for no rows: an empty page, and nothing to continue after
        boolean more = query.pageSize() > 0 && rows.size() > query.pageSize();
        List<T> page = rows.subList(0, Math.min(rows.size(), query.pageSize()));
        Map<String, String> next = more ? query.nextLinkParameters(query.nextSkipToken(page.get(page.size() - 1))) : null;
        return new Page<>(page, query.count() ? count(em, type, query, parent, parentId) : null, next);
    }

    private static Predicate ofParent(CriteriaBuilder cb, Root<?> root, String parent, String parentId) {
        return parent == null ? cb.conjunction() : cb.equal(root.get(parent), parentId);
    }

    /** How many rows under the parent {@code $filter} matches, for {@code $count=true} and {@code /$count}. */
    public static <T> long count(EntityManager em, Class<T> type, ODataQuery query, String parent, String parentId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var count = cb.createQuery(Long.class);
        Root<T> root = count.from(type);
        count.select(cb.count(root)).where(ofParent(cb, root, parent, parentId), query.filter(cb, root));
        return em.createQuery(count).getSingleResult();
    }
}
