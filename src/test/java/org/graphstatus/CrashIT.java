package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Never lose a status: concurrent clients create statuses, the server is killed with SIGKILL in the middle,
 * and after a restart every status whose 201 a client received is there with every field as sent, and every
 * row there is one a client sent, whole. Runs on the run's database (H2 file or PostgreSQL). The same with the
 * creates sent in {@code $batch}es: a slot's 201 is as much a promise as a create's own.
 */
class CrashIT {

    static final int CLIENTS = 16;
    static final Duration LOAD = Duration.ofSeconds(5);
    static final List<String> STATES = List.of("notApplicable", "installed", "failed", "notInstalled",
            "uninstallFailed", "pendingInstall", "unknown");
    static final List<String> DETAILS = List.of("noAdditionalDetails", "seeInstallErrorCode", "pendingReboot",
            "minimumDiskSpaceNotMet", "contentDownloaded");
    static final DateTimeFormatter SEVEN_DIGITS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSXXX");
    static final int BATCH = 10;
    static final int ENOUGH = 50; // acknowledged creates before the kill, for the check to mean something

    @ParameterizedTest(name = "creates in batches: {0}")
    @ValueSource(booleans = {false, true})
    void everyAcknowledgedCreateSurvivesASigkill(boolean batched) throws Exception {
        Path workDir = Path.of("target", batched ? "crash-batch" : "crash");
        Path data = workDir.resolve("data").toAbsolutePath();
        deleteFolder(data);
        Map<String, String> env = Map.of("GRAPH_DATA_DIR", data.toString());
        int port = PayaraProcess.freePort();

        Map<String, JsonObject> sent = new ConcurrentHashMap<>(); // by deviceName, unique per request
        Map<String, JsonObject> acknowledged = new ConcurrentHashMap<>(); // by id: the 201 bodies
        AtomicInteger serverErrors = new AtomicInteger();
        String app;
        var server = PayaraProcess.start(workDir, "CrashIT before", port, env);
        try {
            GraphClient graph = server.graph();
            app = graph.newApp();
            String user = graph.newUserStatus(app);
            List<String> routes = List.of(Routes.deviceStatuses(app),
                    Routes.deviceStatuses(app, user));
            if (batched) { // the first batch warms up the dispatch (its threads, Jersey), which would otherwise eat the load's seconds
                Answer first = graph.post("$batch", batch(routes.get(0), "warm-up", sent).toString());
                assertEquals(200, first.status(), first.body());
                for (JsonObject answer : first.json().getJsonArray("responses").getValuesAs(JsonObject.class)) {
                    assertEquals(201, answer.getInt("status"), answer.toString());
                    acknowledge(201, answer.getJsonObject("body"), acknowledged, serverErrors);
                }
            }
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                String route = routes.get(c % 2);
                String client = "client" + c;
                clients.submit(() -> {
                    for (int n = 0; loading.get(); n++) {
                        try {
                            if (batched) {
                                Answer batch = graph.post("$batch", batch(route, client + "-" + n, sent).toString());
                                if (batch.status() != 200) {
                                    serverErrors.incrementAndGet();
                                    continue;
                                }
                                for (JsonObject answer : batch.json().getJsonArray("responses").getValuesAs(JsonObject.class)) {
                                    acknowledge(answer.getInt("status"), answer.getJsonObject("body"), acknowledged, serverErrors);
                                }
                            } else {
                                JsonObject body = randomStatus(client + "-" + n);
                                sent.put(body.getString("deviceName"), body);
                                Answer answer = graph.post(route, body.toString());
                                acknowledge(answer.status(), answer.status() == 201 ? answer.json() : null, acknowledged, serverErrors);
                            }
                        } catch (RuntimeException connectionLost) {
                            // the kill: this request may or may not have been committed, and was not acknowledged
                        }
                    }
                });
            }
            Thread.sleep(LOAD.toMillis());
            // a slow machine may need longer to acknowledge enough to check
            for (long until = System.nanoTime() + Duration.ofMinutes(1).toNanos(); acknowledged.size() <= ENOUGH
                    && System.nanoTime() < until; ) {
                Thread.sleep(100);
            }
            server.kill();
            loading.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES));
        } finally {
            server.kill();
        }
        assertEquals(0, serverErrors.get(), "no 5xx under load");
        assertTrue(acknowledged.size() > ENOUGH, "the load reached the server: " + acknowledged.size());

        try (var restarted = PayaraProcess.start(workDir, "CrashIT after", port, env)) {
            GraphClient graph = restarted.graph();
            int found = 0;
            for (var ack : acknowledged.entrySet()) {
                Answer answer = graph.get(Routes.deviceStatus(app, ack.getKey()));
                assertEquals(200, answer.status(), "acknowledged status " + ack.getKey() + " is lost");
                assertSameStatus(ack.getValue(), answer.json());
                found++;
            }
            List<JsonObject> rows = graph.all(Routes.deviceStatuses(app));
            for (JsonObject row : rows) {
                JsonObject asSent = sent.get(row.getString("deviceName"));
                assertNotNull(asSent, "a row no client sent: " + row);
                for (String property : asSent.keySet()) {
                    assertEquals(asSent.get(property), row.get(property), property + " of " + row);
                }
            }
            System.out.printf("CrashIT (%s%s): %d creates acknowledged before SIGKILL, %d found after restart, "
                    + "%d rows in all, %d statuses sent%n", System.getProperty("graph.postboot"), batched ? ", in batches" : "",
                    acknowledged.size(), found, rows.size(), sent.size());
        }
    }

    /** A batch of {@code BATCH} creates on the route, each also kept in {@code sent}. */
    private static JsonObject batch(String route, String name, Map<String, JsonObject> sent) {
        var requests = Json.createArrayBuilder();
        for (int i = 0; i < BATCH; i++) {
            JsonObject body = randomStatus(name + "-" + i);
            sent.put(body.getString("deviceName"), body);
            requests.add(Json.createObjectBuilder().add("id", String.valueOf(i)).add("method", "POST")
                    .add("url", "/" + route).add("body", body)
                    .add("headers", Json.createObjectBuilder().add("Content-Type", "application/json")));
        }
        return Json.createObjectBuilder().add("requests", requests).build();
    }

    private static void acknowledge(int status, JsonObject created, Map<String, JsonObject> acknowledged, AtomicInteger serverErrors) {
        if (status == 201) {
            acknowledged.put(created.getString("id"), created);
        } else if (status >= 500) {
            serverErrors.incrementAndGet();
        }
    }

    private static void assertSameStatus(JsonObject acknowledged, JsonObject read) {
        for (String property : acknowledged.keySet()) {
            if (!property.equals("@odata.context")) { // the route it was created on may differ
                assertEquals(acknowledged.get(property), read.get(property), property);
            }
        }
    }

    private static JsonObject randomStatus(String deviceName) {
        var random = ThreadLocalRandom.current();
        var offset = ZoneOffset.ofTotalSeconds(random.nextInt(-12 * 4, 14 * 4) * 15 * 60);
        Instant when = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(10_000_000) * 100L);
        String state = STATES.get(random.nextInt(STATES.size()));
        return Json.createObjectBuilder()
                .add("deviceName", deviceName)
                .add("deviceId", java.util.UUID.randomUUID().toString())
                .add("lastSyncDateTime", SEVEN_DIGITS.format(when.atOffset(offset)))
                .add("mobileAppInstallStatusValue", state)
                .add("installState", state)
                .add("installStateDetail", DETAILS.get(random.nextInt(DETAILS.size())))
                .add("errorCode", random.nextInt())
                .add("osVersion", "10.0." + random.nextInt(30000))
                .add("osDescription", "Windows 11 Enterprise")
                .add("userName", "User " + random.nextInt(1000))
                .add("userPrincipalName", "user" + random.nextInt(1000) + "@contoso.example")
                .add("displayVersion", random.nextInt(10) + "." + random.nextInt(10))
                .build();
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
