package org.graphstatus.database;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.graphstatus.odata.GraphException;

/**
 * At most {@code graph.query.concurrent-collections} (env {@code GRAPH_QUERY_CONCURRENT_COLLECTIONS}, default
 * 8; values below 1 count as 1) reads whose cost grows with a collection's size run at once: collection pages,
 * counts and install summaries. Without it, 40 clients asking for {@code $count} or an order no index serves on
 * a large app held every pooled connection (32) and both cores for up to the query timeout each, and a GET by
 * id waited behind them for seconds (bench/query-cost.sh). A read beyond the limit waits up to one second for
 * another to finish, then is answered 503 with {@code Retry-After}, having cost the database nothing. Reads by
 * id and every write are not gated: their cost does not grow with the data. Keep the limit below the
 * connection pool's size ({@code GRAPH_DB_POOL_MAX}, default 32), so that connections stay free for them.
 *
 * <p>A plain semaphore rather than MicroProfile Fault Tolerance's {@code @Bulkhead}: that one refuses at once
 * when full (no brief wait), cannot sit on {@code CollectionReader}'s static methods, and is configured by a
 * key spelled after the class and method.
 */
@ApplicationScoped
public class QueryBulkhead {

    static final int DEFAULT_CONCURRENT_COLLECTIONS = 8;
    static final long WAIT_MILLIS = 1000;
    static final int RETRY_AFTER_SECONDS = 1;

    @Inject
    @ConfigProperty(name = "graph.query.concurrent-collections", defaultValue = "" + DEFAULT_CONCURRENT_COLLECTIONS)
    int concurrentCollections;

    private Semaphore permits;

    @PostConstruct
    void create() {
        permits = new Semaphore(Math.max(1, concurrentCollections), true);
    }

    /** Runs {@code read} once a permit is free; @throws GraphException 503 when none frees within a second. */
    public <T> T admit(Supplier<T> read) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw GraphException.unavailable("Too many collection queries are running; retry later, or narrow "
                    + "the query ($filter, $top, no $count).", RETRY_AFTER_SECONDS);
        }
        try {
            return read.get();
        } finally {
            permits.release();
        }
    }
}
