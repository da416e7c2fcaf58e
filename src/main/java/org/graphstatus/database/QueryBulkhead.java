package org.graphstatus.database;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.graphstatus.odata.GraphException;

/**
 * At most {@code graph.query.concurrent-collections} (env {@code GRAPH_QUERY_CONCURRENT_COLLECTIONS}, default
 * the number of processors the JVM sees; values below 1 count as 1) reads whose cost grows with a collection's
 * size run at once: collection pages, counts and install summaries. Without it, 40 clients asking for
 * {@code $count} or an order no index serves on a large app held every pooled connection (32) and both cores for
 * up to the query timeout each, and a GET by id waited behind them for seconds (bench/query-cost.sh). A read
 * beyond the limit waits up to one second for another to finish, then is answered 503 with {@code Retry-After},
 * having cost the database nothing. Reads by id and every write are not gated: their cost does not grow with the
 * data. Keep the limit below the connection pool's size ({@code GRAPH_DB_POOL_MAX}, default 32), so that
 * connections stay free for them.
 *
 * <p>One such read per core by default, because each keeps a core busy for as long as it runs: on 2 cores a
 * limit of 8 still let a GET by id wait 192 ms (H2) and 762 ms (PostgreSQL) at the median behind 40 expensive
 * clients, where a limit of 2 kept it near 20 ms (bench/README.md, "Query cost").
 *
 * <p>A plain semaphore rather than MicroProfile Fault Tolerance's {@code @Bulkhead}: that one refuses at once
 * when full (no brief wait), cannot sit on {@code CollectionReader}'s static methods, and is configured by a
 * key spelled after the class and method.
 */
@ApplicationScoped
public class QueryBulkhead {

    static final long WAIT_MILLIS = 1000;
    static final int RETRY_AFTER_SECONDS = 1;

    @Inject
    @ConfigProperty(name = "graph.query.concurrent-collections")
    Optional<Integer> concurrentCollections;

    @Inject
    Tracer tracer;

    /** How long reads waited for a permit, admitted or not. */
    @Inject
    @Metric(name = "graph_query_bulkhead_wait", absolute = true, unit = MetricUnits.SECONDS,
            description = "Time collection reads waited for a permit of the query bulkhead")
    Timer waits;

    @Inject
    @Metric(name = "graph_query_bulkhead_refused", absolute = true,
            description = "Collection reads refused with 503 because no permit freed within a second")
    Counter refusals;

    private Semaphore permits;

    @PostConstruct
    void create() {
        int limit = concurrentCollections.orElseGet(() -> Runtime.getRuntime().availableProcessors());
        permits = new Semaphore(Math.max(1, limit), true);
    }

    /** Runs {@code read} once a permit is free; @throws GraphException 503 when none frees within a second. */
    public <T> T admit(Supplier<T> read) {
        boolean admitted = false;
        Span span = tracer.spanBuilder("query bulkhead").startSpan(); // the wait for a permit, not the read
        long started = System.nanoTime();
        try {
            admitted = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waits.update(Duration.ofNanos(System.nanoTime() - started));
            span.setAttribute("graph.bulkhead.admitted", admitted);
            span.end();
        }
        if (!admitted) {
            refusals.inc();
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
