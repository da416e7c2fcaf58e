package org.graphstatus.throttling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.NodeTests;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throttling on ({@code graph.throttling=intune}) with small limits and a short window, so that a test can
 * spend a budget. In the PostgreSQL run two instances share one database and their requests alternate: the
 * limits hold for the deployment, not per instance. On H2 (one server per file) one instance. Each test has
 * tenants of its own and starts at the beginning of a window, so tests do not spend each other's budget.
 */
class ThrottlingIT {

    private static final int WINDOW_SECONDS = 10;
    private static final int WRITES_PER_APP = 4;
    private static final int WRITES_PER_TENANT = 8;
    private static final Map<String, String> SETTINGS = Map.of(
            "GRAPH_THROTTLING", "intune",
            "GRAPH_THROTTLING_WINDOW", String.valueOf(WINDOW_SECONDS),
            "GRAPH_THROTTLING_WRITES_PER_APP", String.valueOf(WRITES_PER_APP),
            "GRAPH_THROTTLING_WRITES_PER_TENANT", String.valueOf(WRITES_PER_TENANT),
            "GRAPH_THROTTLING_REQUESTS_PER_APP", "12",
            "GRAPH_THROTTLING_REQUESTS_PER_TENANT", "40",
            "GRAPH_THROTTLING_EXPORTS_WINDOW", String.valueOf(WINDOW_SECONDS),
            "GRAPH_THROTTLING_EXPORTS_PER_USER", "2",
            "GRAPH_THROTTLING_EXPORTS_PER_TENANT", "4");
    private static final String STATUS = "{\"deviceName\":\"Throttled device\",\"installState\":\"installed\"}";

    private static final List<PayaraProcess> instances = new ArrayList<>();
    private static String database;

    @BeforeAll
    static void start() throws Exception {
        Path workDir = Path.of("target", "throttling");
        if (Databases.postgresqlRun()) {
            database = Databases.createPostgresql("graph_throttling");
            var env = new HashMap<>(SETTINGS);
            env.put("PGDATABASE", database);
            var a = CompletableFuture.supplyAsync(() -> PayaraProcess.start(workDir, "ThrottlingIT A", PayaraProcess.freePort(), env));
            var b = CompletableFuture.supplyAsync(() -> PayaraProcess.start(workDir, "ThrottlingIT B", PayaraProcess.freePort(), env));
            CompletableFuture.allOf(a, b).exceptionally(e -> null).join();
            a.thenAccept(instances::add);
            b.thenAccept(instances::add);
            assertEquals(2, instances.size(), "both instances started");
        } else {
            instances.add(PayaraProcess.start(workDir, "ThrottlingIT", PayaraProcess.freePort(), SETTINGS));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        instances.forEach(PayaraProcess::close);
        if (database != null) {
            Databases.dropPostgresql(database);
        }
    }

    @Test
    void theWriteOverALimitIs429WithARetryAfterAfterWhichTheNextSucceeds() throws Exception {
        String tenant = UUID.randomUUID().toString();
        GraphClient setup = instance(0).as(token(tenant, "appid", "setup"));
        awaitFreshWindow();
        String app = setup.newApp();
        String user = setup.newUserStatus(app); // 2 of the tenant's writes

        // An app's writes alternate between the instances, on both routes: the budget is the deployment's.
        String[] routes = {Routes.deviceStatuses(app), Routes.deviceStatuses(app, user)};
        String sync = token(tenant, "appid", "sync-agent");
        for (int i = 0; i < WRITES_PER_APP; i++) {
            Answer created = instance(i).as(sync).post(routes[i % 2], STATUS);
            assertEquals(201, created.status(), "write " + (i + 1) + ": " + created.body());
        }
        Answer throttled = instance(WRITES_PER_APP).as(sync).post(routes[0], STATUS);
        assertEquals(429, throttled.status(), throttled.body());
        assertEquals("TooManyRequests", throttled.errorCode());
        assertTrue(throttled.errorMessage().contains("writes per " + WINDOW_SECONDS + " seconds per app"), throttled.errorMessage());
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, "Retry-After: " + retryAfter);
        assertEquals(WRITES_PER_APP, setup.get(Routes.deviceStatuses(app)).json().getJsonArray("value").size(),
                "the throttled write stored nothing");
        assertEquals(200, instance(1).as(sync).get(routes[0]).status(), "reads have a budget of their own");
        assertTrue(throttledCount(instance(WRITES_PER_APP), "writes-per-app") >= 1, "counted in /metrics");

        // Another app of the tenant writes until the tenant's writes are spent: 2 + 4 + 1 throttled so far.
        String other = token(tenant, "appid", "other-agent");
        assertEquals(201, instance(0).as(other).post(routes[0], STATUS).status(), "the tenant's 8th write");
        Answer tenantSpent = instance(1).as(other).post(routes[0], STATUS);
        assertEquals(429, tenantSpent.status(), tenantSpent.body());
        assertTrue(tenantSpent.errorMessage().contains("writes per " + WINDOW_SECONDS + " seconds per tenant"), tenantSpent.errorMessage());
        GraphClient anotherTenant = instance(0).as(token(UUID.randomUUID().toString(), "appid", "sync-agent"));
        assertEquals(201, anotherTenant.post(Routes.deviceStatuses(anotherTenant.newApp()), STATUS).status(),
                "another tenant's budget is its own (and its app: tenant A's is not found from there)");

        Thread.sleep(retryAfter * 1000L);
        Answer afterTheWait = instance(0).as(sync).post(routes[1], STATUS);
        assertEquals(201, afterTheWait.status(), "waiting Retry-After's seconds was enough: " + afterTheWait.body());
    }

    @Test
    void inABatchEachRequestIsCountedAndAThrottledOneGets429InItsSlot() throws Exception {
        String tenant = UUID.randomUUID().toString();
        String app = instance(0).as(token(tenant, "appid", "setup")).newApp();
        GraphClient loader = instance(1).as(token(tenant, "azp", "bulk-loader")); // a v2 token names its app in azp
        var requests = Json.createArrayBuilder();
        for (int i = 1; i <= WRITES_PER_APP + 2; i++) {
            requests.add(Json.createObjectBuilder().add("id", String.valueOf(i)).add("method", "POST")
                    .add("url", "/" + Routes.deviceStatuses(app))
                    .add("headers", Json.createObjectBuilder().add("Content-Type", "application/json"))
                    .add("body", Json.createObjectBuilder().add("deviceName", "Batch device " + i)));
        }
        awaitFreshWindow();
        Answer batch = loader.post("$batch", Json.createObjectBuilder().add("requests", requests).build().toString());

        assertEquals(200, batch.status(), batch.body());
        var statuses = new ArrayList<Integer>();
        for (JsonObject response : batch.json().getJsonArray("responses").getValuesAs(JsonObject.class)) {
            statuses.add(response.getInt("status"));
            if (response.getInt("status") == 429) {
                assertEquals("TooManyRequests", response.getJsonObject("body").getJsonObject("error").getString("code"));
                int retryAfter = Integer.parseInt(response.getJsonObject("headers").getString("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, "Retry-After: " + retryAfter);
            }
        }
        assertEquals(WRITES_PER_APP, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
        assertEquals(WRITES_PER_APP, loader.get(Routes.deviceStatuses(app)).json().getJsonArray("value").size());
    }

    @Test
    void theJavaScriptClientsRetryHandlerWaitsAsToldAndSucceeds() throws Exception {
        String tenant = UUID.randomUUID().toString();
        String app = instance(0).as(token(tenant, "appid", "setup")).newApp();
        awaitFreshWindow();
        NodeTests.run(instance(1).uri("").toString(), Map.of(
                "GRAPH_TOKEN", token(tenant, "appid", "javascript-agent"),
                "GRAPH_APP_ID", app,
                "GRAPH_WRITES_PER_APP", String.valueOf(WRITES_PER_APP)), "retry-after.js");
    }

    /** The i-th request's instance: in turn, when there are two. */
    private static GraphClient instance(int i) {
        return instances.get(i % instances.size()).graph();
    }

    /** Export jobs count their creates per user and per tenant; polling a job is not counted. */
    @Test
    void exportJobsHaveLimitsOfTheirOwnPerUserAndTenant() throws Exception {
        String tenant = UUID.randomUUID().toString();
        String job = "{\"reportName\":\"AppInstallStatusAggregate\"}";
        String ann = token(tenant, "oid", "ann");
        awaitFreshWindow();
        Answer first = instance(0).as(ann).post(EXPORT_JOBS, job);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, instance(1).as(ann).post(EXPORT_JOBS, job).status(), "ann's second");
        for (int poll = 0; poll < 5; poll++) {
            assertEquals(200, instance(poll).as(ann).get(EXPORT_JOBS + "/" + first.json().getString("id")).status(),
                    "polls spend nothing");
        }
        Answer third = instance(0).as(ann).post(EXPORT_JOBS, job);
        assertEquals(429, third.status(), third.body());
        assertTrue(third.errorMessage().contains("2 writes per " + WINDOW_SECONDS + " seconds per user"), third.errorMessage());

        // ann's throttled create counted too (every limit it falls under does): bob's is the tenant's fourth
        assertEquals(201, instance(1).as(token(tenant, "oid", "bob")).post(EXPORT_JOBS, job).status(), "the tenant's fourth");
        Answer tenantSpent = instance(0).as(token(tenant, "oid", "cleo")).post(EXPORT_JOBS, job);
        assertEquals(429, tenantSpent.status(), tenantSpent.body());
        assertTrue(tenantSpent.errorMessage().contains("per tenant"), tenantSpent.errorMessage());
        assertTrue(throttledCount(instance(0), "exports-per-user") >= 1, "counted in /metrics");
    }

    private static final String EXPORT_JOBS = "deviceManagement/reports/exportJobs";

    private static String token(String tenant, String appClaim, String app) {
        return Tokens.sign(Tokens.claims(claims -> claims.claim("scp", Tokens.READ_WRITE).claim("tid", tenant)
                .claim(appClaim, app)), Tokens.developmentKey());
    }

    /** Waits for the next window to begin (the servers' windows follow this machine's clock too). */
    private static void awaitFreshWindow() throws InterruptedException {
        long window = WINDOW_SECONDS * 1000L;
        Thread.sleep(window - System.currentTimeMillis() % window + 100);
    }

    private static double throttledCount(GraphClient instance, String limit) {
        String metrics = GraphClient.send(GraphClient.request(instance.rootUri("metrics"), null)
                .setHeader("Accept", "text/plain").GET()).body();
        return metrics.lines()
                .filter(line -> line.startsWith("graph_throttled_requests_total{") && line.contains("limit=\"" + limit + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no throttled-requests count for " + limit + ":\n" + metrics));
    }
}
