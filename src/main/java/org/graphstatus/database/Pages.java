package org.graphstatus.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.CollectionReader;
import org.graphstatus.odata.options.ODataQuery;
import org.graphstatus.odata.options.QueryModel;

/**
 * Collections: parses a request's query options with this deployment's largest page, and reads a page
 * ({@code $top} rows, {@code @odata.count} when asked, the parameters of the next page's link when there is
 * one) through {@link CollectionReader}, which owns the Criteria. Pages and counts cost more as a collection
 * grows: at most a few run at once ({@link QueryBulkhead}).
 */
@ApplicationScoped
public class Pages {

    /** The largest {@code $top}, the page size a client may ask for; Graph's usual limit is 999. */
    @Inject
    @ConfigProperty(name = "graph.page.max-size", defaultValue = "999")
    int maxPageSize;

    @Inject
    QueryBulkhead bulkhead;

    /** The query options of a request for a collection of {@code model}'s type, which has no navigation to expand. */
    public ODataQuery options(MultivaluedMap<String, String> parameters, QueryModel model, Set<String> selectable) {
        return options(parameters, model, selectable, Set.of());
    }

    /** The same for a type whose {@code expandable} navigations {@code $expand} may name. */
    public ODataQuery options(MultivaluedMap<String, String> parameters, QueryModel model, Set<String> selectable,
            Set<String> expandable) {
        return ODataQuery.parse(parameters, model, selectable, expandable, maxPageSize);
    }

    /** A page of the tenant's {@code type} rows under a parent: see {@link CollectionReader#read}. */
    public <T> Page<T> read(EntityManager em, Class<T> type, ODataQuery query, String tenant, String parent,
            String parentId) {
        return bulkhead.admit(() -> CollectionReader.read(em, type, query, tenant, parent, parentId));
    }

    /** How many of the tenant's rows under the parent {@code $filter} matches ({@code $count=true}, {@code /$count}). */
    public <T> long count(EntityManager em, Class<T> type, ODataQuery query, String tenant, String parent,
            String parentId) {
        return bulkhead.admit(() -> CollectionReader.count(em, type, query, tenant, parent, parentId));
    }
}
