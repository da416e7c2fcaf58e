package org.graphstatus.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches: readiness follows the database, a database outage is a 503 the service
 * recovers from by itself, a database that cannot store is a 503 and not ready, and /metrics counts requests per
 * operation. The outage is real: the test stops and restarts this machine's PostgreSQL, so it runs in the
 * PostgreSQL run.
 */
class HealthAndMetricsIT extends DeployedService {

    static final Duration FAST = Duration.ofSeconds(3);

    @Test
    void readinessChecksTheDatabaseAndLivenessIsUp() {
        Answer ready = health("ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("database", ready.json().getJsonArray("checks").getJsonObject(0).getString("name"));
        assertEquals(200, health("live").status());
    }

    @Test
    void metricsCountRequestsPerRouteMethodAndStatus() {
        String devices = Routes.deviceStatuses(graph.newApp());
        assertEquals(201, graph.post(devices, "{}").status());
        assertEquals(401, GraphClient.send(GraphClient.request(graph.uri(devices), null).GET()).status());
        assertEquals(200, graph.get(devices).status());

        String metrics = metrics();

        String route = "route=\"/beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses\"";
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("graph_requests_seconds_count{") && line.contains(route)
                && line.contains("method=\"POST\"") && line.contains("status=\"201\"")), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("graph_requests_seconds_count{") && line.contains(route)
                && line.contains("method=\"GET\"") && line.contains("status=\"401\"")), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("graph_requests_seconds_bucket{") && line.contains(route)
                && line.contains("le=\"0.1\"")), "a histogram, in seconds: " + metrics);
        assertTrue(value(metrics, "graph_group_commit_size_count") >= 1, "commits of creates: " + metrics);
        assertTrue(value(metrics, "graph_group_commit_size_sum") >= 1, "creates committed: " + metrics);
        assertTrue(value(metrics, "graph_query_bulkhead_wait_seconds_count") >= 1, "the list waited for a permit: " + metrics);
        assertTrue(value(metrics, "graph_database_connections_in_use") >= 0, "the connections in use: " + metrics);
    }

    private String metrics() {
        return GraphClient.send(GraphClient.request(graph.rootUri("metrics"), null)
                .setHeader("Accept", "text/plain").GET()).body();
    }

    /** The sum of a metric's series in the Prometheus text, or -1 when it has none. */
    private static double value(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce(Double::sum).orElse(-1);
    }

    @Test
    void whilePostgresqlIsStoppedRequestsGet503FastAndTheServiceRecoversByItself() throws Exception {
        assumeTrue(System.getProperty("graph.postboot").endsWith("postgresql.asadmin"), "PostgreSQL run only");
        assumeTrue(new File("/usr/bin/pg_ctlcluster").canExecute(), "needs the machine's pg_ctlcluster");
        String devices = Routes.deviceStatuses(graph.newApp());

        postgresql("stop");
        try {
            long started = System.nanoTime();
            Answer create = graph.post(devices, "{}");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(503, create.status(), create.body());
            assertEquals("ServiceUnavailable", create.errorCode());
            assertEquals("5", create.header("Retry-After"));
            assertTrue(took.compareTo(FAST) < 0, "answered in " + took);
            assertEquals(503, graph.get(devices).status());
            assertEquals(503, health("ready").status(), "not ready without a database");
            assertEquals(200, health("live").status(), "alive all the same: a restart would not help");
        } finally {
            postgresql("start");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (health("ready").status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(200, health("ready").status(), "ready again");
        Answer created = graph.post(devices, "{}");
        assertEquals(201, created.status(), created.body());
        assertEquals(1, graph.get(devices).json().getJsonArray("value").size());
    }

    /**
     * A full disk as PostgreSQL reports it (its disk is the operator's, so the test cannot fill it): triggers
     * that refuse every insert into the statuses and into the table readiness writes to, with SQLSTATE 53100.
     * Creates answer 503 with Retry-After, reads go on, readiness is DOWN until inserts work again.
     */
    @Test
    void whenPostgresqlCannotStoreCreatesAre503ReadsGoOnAndReadinessIsDown() throws Exception {
        assumeTrue(Databases.postgresqlRun(), "PostgreSQL run only: the test adds triggers from outside the server");
        String devices = Routes.deviceStatuses(graph.newApp());
        assertEquals(201, graph.post(devices, "{}").status());
        try (Connection db = Databases.connect(Databases.postgresqlUrl(System.getenv().getOrDefault("PGDATABASE", "postgres")));
                Statement sql = db.createStatement()) {
            sql.execute("CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$");
            try {
                for (String table : List.of("mobile_app_install_status", "throttling_counter")) {
                    sql.execute("CREATE TRIGGER test_disk_full BEFORE INSERT ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION test_disk_full()");
                }
                Answer create = graph.post(devices, "{}");
                assertEquals(503, create.status(), create.body());
                assertEquals("ServiceUnavailable", create.errorCode());
                assertEquals("5", create.header("Retry-After"));
                assertEquals(1, graph.get(devices).json().getJsonArray("value").size(), "reads go on");
                assertEquals(503, health("ready").status(), "not ready while no write can be stored");
                assertEquals(200, health("live").status());
            } finally {
                sql.execute("DROP FUNCTION test_disk_full() CASCADE");
            }
        }
        assertEquals(200, health("ready").status(), "ready again");
        assertEquals(201, graph.post(devices, "{}").status());
    }

    private Answer health(String check) {
        return GraphClient.send(GraphClient.request(graph.rootUri("health/" + check), null).GET());
    }

    /**
     * A statement past {@code graph.query.timeout} (5 s) is cancelled by the database and answered 503 with
     * Retry-After instead of holding its connection; a request that needs other tables answers meanwhile. The
     * slow statement is made by holding a lock on the statuses' table from outside the server.
     */
    @Test
    void aStatementPastTheQueryTimeoutIs503WithRetryAfterAndOtherRequestsGoOn() throws Exception {
        assumeTrue(Databases.postgresqlRun(), "PostgreSQL run only: the test locks a table from outside the server");
        String app = graph.newApp();
        try (Connection db = Databases.connect(Databases.postgresqlUrl(System.getenv().getOrDefault("PGDATABASE", "postgres")))) {
            db.setAutoCommit(false);
            db.createStatement().execute("LOCK TABLE mobile_app_install_status IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            CompletableFuture<Answer> waiting = CompletableFuture.supplyAsync(() -> graph.get(Routes.deviceStatuses(app)));
            double held = -1;
            while (held < 1 && !waiting.isDone()) { // while it waits for the lock, the read holds a connection
                held = value(metrics(), "graph_database_connections_in_use");
                Thread.sleep(100);
            }
            Answer blocked = waiting.join();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(held >= 1, "the waiting read's connection is in use: " + held);

            assertEquals(503, blocked.status(), blocked.body());
            assertEquals("ServiceUnavailable", blocked.errorCode());
            assertEquals("5", blocked.header("Retry-After"));
            assertTrue(took.compareTo(Duration.ofSeconds(4)) > 0 && took.compareTo(Duration.ofSeconds(20)) < 0,
                    "cancelled at the 5 s limit, not before and not much after: " + took);
            assertEquals(200, graph.get(Routes.app(app)).status(), "a request that needs no locked table answers");
            assertTrue(value(metrics(), "graph_statement_timeouts_total") >= 1, "counted: " + metrics());
            db.rollback();
        }
        assertEquals(200, graph.get(Routes.deviceStatuses(app)).status(), "and the statuses again once the lock is gone");
    }

    private static void postgresql(String action) throws IOException, InterruptedException {
        String[] versions = new File("/etc/postgresql").list();
        Arrays.sort(versions);
        Process command = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", versions[versions.length - 1],
                "main", action).inheritIO().start();
        assertEquals(0, command.waitFor(), "pg_ctlcluster " + action);
    }
}
