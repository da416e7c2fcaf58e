package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * graph.query.concurrent-collections bounds the reads whose cost grows with the data: beyond the limit a
 * collection read, a {@code /$count} or an install summary is answered 503 with {@code Retry-After} at once,
 * while reads by id and writes go on. Its own server (the limit is 2): on PostgreSQL with a pool of 4
 * connections, so that without the bound the held reads would take every connection. The held reads are made
 * slow by locking the statuses' table from outside the server, which only PostgreSQL allows (H2's file belongs
 * to the server, and no request reaches a statement that could sleep): that test runs in the PostgreSQL run.
 */
class QueryBulkheadIT {

    static final int LIMIT = 2;

    static String database;
    static PayaraProcess server;
    static GraphClient graph;
    static ExecutorService clients = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void start() throws Exception {
        var env = new HashMap<String, String>(Map.of("GRAPH_QUERY_CONCURRENT_COLLECTIONS", String.valueOf(LIMIT),
                "GRAPH_QUERY_TIMEOUT", "20")); // the held reads wait for the lock, not for the timeout
        if (Databases.postgresqlRun()) {
            database = Databases.createPostgresql("graph_bulkhead");
            env.putAll(Map.of("PGDATABASE", database, "GRAPH_DB_POOL_MIN", "2", "GRAPH_DB_POOL_MAX", "4"));
        }
        server = PayaraProcess.start(Path.of("target", "query-bulkhead", UUID.randomUUID().toString()),
                "QueryBulkheadIT", PayaraProcess.freePort(), env);
        graph = server.graph();
    }

    @AfterAll
    static void stop() throws Exception {
        clients.shutdownNow();
        if (server != null) {
            server.close();
        }
        if (database != null) {
            Databases.dropPostgresql(database);
        }
    }

    @Test
    void beyondTheLimitCollectionReadsAre503AtOnceWhileReadsByIdAndWritesAnswer() throws Exception {
        assumeTrue(Databases.postgresqlRun(), "PostgreSQL run only: the test locks a table from outside the server");
        String app = graph.newApp();
        assertEquals(201, graph.post(Routes.deviceStatuses(app), "{}").status());
        try (Connection db = Databases.connect(Databases.postgresqlUrl(database))) {
            db.setAutoCommit(false);
            db.createStatement().execute("LOCK TABLE mobile_app_install_status IN ACCESS EXCLUSIVE MODE");
            List<Future<Answer>> held = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                held.add(clients.submit(() -> graph.get(Routes.deviceStatuses(app))));
            }
            waitUntilBlockedOnTheLock(db, LIMIT);

            for (String beyond : List.of(Routes.deviceStatuses(app), Routes.deviceStatuses(app) + "/$count",
                    Routes.installSummary(app), Routes.deviceStatuses(app) + "?$count=true")) {
                Answer refused = graph.get(beyond);
                assertEquals(503, refused.status(), beyond + ": " + refused.body());
                assertEquals("ServiceUnavailable", refused.errorCode());
                assertEquals("1", refused.header("Retry-After"));
            }
            assertEquals(200, graph.get(Routes.app(app)).status(), "a read by id takes no permit and finds a connection");
            assertEquals(201, graph.post(Routes.APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"x\"}").status(),
                    "nor does a write");
            held.forEach(read -> assertFalse(read.isDone(), "the held reads still wait for the lock"));
            db.rollback();

            for (Future<Answer> read : held) {
                Answer answer = read.get(60, TimeUnit.SECONDS);
                assertEquals(200, answer.status(), answer.body());
            }
        }
        assertEquals(200, graph.get(Routes.deviceStatuses(app) + "/$count").status(), "the permits came back");
    }

    /** Permits come back after every read, served or refused: a burst, then every read answers again. */
    @Test
    void aBurstIsAnswered200Or503WithRetryAfterAndThePermitsComeBack() throws Exception {
        String app = graph.newApp();
        assertEquals(201, graph.post(Routes.deviceStatuses(app), "{}").status());
        List<Future<Answer>> burst = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String path = i % 3 == 0 ? Routes.installSummary(app) : Routes.deviceStatuses(app) + (i % 3 == 1 ? "/$count" : "");
            burst.add(clients.submit(() -> graph.get(path)));
        }
        for (Future<Answer> read : burst) {
            Answer answer = read.get(60, TimeUnit.SECONDS);
            assertTrue(answer.status() == 200 || answer.status() == 503 && "1".equals(answer.header("Retry-After")),
                    answer.status() + " " + answer.body());
        }
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertEquals(200, graph.get(Routes.deviceStatuses(app)).status(), "read " + i + " after the burst");
        }
    }

    /** Waits until {@code count} statements of the server's wait for a lock (the held reads have their permits). */
    private static void waitUntilBlockedOnTheLock(Connection db, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (var rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                rows.next();
                if (rows.getInt(1) >= count) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(count + " reads did not reach the lock within 30 s");
    }
}
