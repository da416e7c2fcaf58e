package org.graphstatus.odata.options;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graphstatus.odata.GraphException;

/**
 * The OData query options of one request for a collection, parsed and checked against the type's
 * {@link QueryModel}: {@code $filter} ({@link FilterParser}), {@code $orderby} ({@link OrderBy}), {@code $select}
 * and {@code $expand} ({@link Projection}), {@code $top} and {@code $skip} ({@link Paging}), {@code $count}, and
 * {@code $skiptoken} ({@link SkipToken}). {@link CollectionReader} turns them into Criteria. {@code $top} is the
 * page size, as on Graph (in plain OData it is a total): SDK page iterators follow {@code @odata.nextLink} to
 * the end of the collection, and {@code $top=999} then reads everything.
 */
public final class ODataQuery {

    private static final Set<String> OPTIONS = Set.of("$filter", "$orderby", "$select", "$expand", "$top", "$skip",
            "$count", "$skiptoken");
    private static final Set<String> COUNT_OPTIONS = Set.of("$filter");

    private final Map<String, String> options;
    private final Filter filter; // or null
    private final OrderBy orderBy;
    private final Projection projection;
    private final Paging paging;
    private final boolean count;
    private final List<Object> after; // the order keys of the previous page's last row, or null

    private ODataQuery(Map<String, String> options, QueryModel model, Set<String> selectable, Set<String> expandable,
            int maxPageSize) {
        this.options = options;
        this.filter = options.containsKey("$filter") ? FilterParser.parse(options.get("$filter"), model) : null;
        this.orderBy = OrderBy.parse(options.get("$orderby"), model);
        this.projection = Projection.parse(options, selectable, expandable);
        this.paging = Paging.parse(options, maxPageSize);
        this.count = bool("$count");
        this.after = options.containsKey("$skiptoken") ? SkipToken.decode(options.get("$skiptoken"), orderBy) : null;
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
        return new ODataQuery(QueryOptions.read(parameters, COUNT_OPTIONS), model, Set.of(), Set.of(),
                Paging.DEFAULT_PAGE_SIZE);
    }

    public boolean count() {
        return count;
    }

    /** What {@code $select} and {@code $expand} ask of each row. */
    public Projection projection() {
        return projection;
    }

    Filter filter() {
        return filter;
    }

    OrderBy orderBy() {
        return orderBy;
    }

    /** Rows for this page: {@code $top}, else the default. */
    int pageSize() {
        return paging.pageSize();
    }

    /** {@code $skip} applies before the first page only; later pages start after their token. */
    int firstResult() {
        return after == null ? paging.skip() : 0;
    }

    /** The previous page's last order keys, or null on a first page. */
    List<Object> after() {
        return after;
    }

    /** The next page's options: the client's own ({@code $top}, the page size, included), less {@code $skip}. */
    Map<String, String> nextLinkParameters(List<?> lastKeys) {
        var next = new LinkedHashMap<>(options);
        next.remove("$skip");
        next.remove("$skiptoken");
        next.put("$skiptoken", SkipToken.encode(orderBy, lastKeys));
        return next;
    }

    private boolean bool(String option) {
        String text = options.getOrDefault(option, "false");
        if (!text.equals("true") && !text.equals("false")) {
            throw GraphException.badRequest("The query option '" + option + "' must be true or false, not '" + text + "'.");
        }
        return text.equals("true");
    }
}
