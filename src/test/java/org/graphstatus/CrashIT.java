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
import org.junit.jupiter.api.Test;

/**
 * Never lose a status: concurrent clients create statuses, the server is killed with SIGKILL in the middle,
 * and after a restart every status whose 201 a client received is there with every field as sent, and every
 * row there is one a client sent, whole. Runs on the run's database (H2 file or PostgreSQL).
 */
class CrashIT {

    static final int CLIENTS = 16;
    static final Duration LOAD = Duration.ofSeconds(5);
    static final List<String> STATES = List.of("notApplicable", "installed", "failed", "notInstalled",
            "uninstallFailed", "pendingInstall", "unknown");
    static final List<String> DETAILS = List.of("noAdditionalDetails", "seeInstallErrorCode", "pendingReboot",
            "minimumDiskSpaceNotMet", "contentDownloaded");
    static final DateTimeFormatter SEVEN_DIGITS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSXXX");

    @Test
    void everyAcknowledgedCreateSurvivesASigkill() throws Exception {
        Path workDir = Path.of("target", "crash");
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
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                String route = routes.get(c % 2);
                String client = "client" + c;
                clients.submit(() -> {
                    for (int n = 0; loading.get(); n++) {
                        JsonObject body = randomStatus(client + "-" + n);
                        sent.put(body.getString("deviceName"), body);
                        try {
                            Answer answer = graph.post(route, body.toString());
                            if (answer.status() == 201) {
                                acknowledged.put(answer.json().getString("id"), answer.json());
                            } else if (answer.status() >= 500) {
                                serverErrors.incrementAndGet();
                            }
                        } catch (RuntimeException connectionLost) {
                            // the kill: this request may or may not have been committed, and was not acknowledged
                        }
                    }
                });
            }
            Thread.sleep(LOAD.toMillis());
            server.kill();
            loading.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES));
        } finally {
            server.kill();
        }
        assertEquals(0, serverErrors.get(), "no 5xx under load");
        assertTrue(acknowledged.size() > 50, "the load reached the server: " + acknowledged.size());

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
            System.out.printf("CrashIT (%s): %d creates acknowledged before SIGKILL, %d found after restart, "
                    + "%d rows in all, %d requests sent%n", System.getProperty("graph.postboot"),
                    acknowledged.size(), found, rows.size(), sent.size());
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
