package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;

/**
 * N concurrent creates under one app and one user status: exactly N rows and counts that match them; and
 * counts that still match the rows after concurrent creates, updates and deletes.
 */
class ConcurrentCreatesIT extends DeployedService {

    static final int CREATES = 120;
    static final int CLIENTS = 24;
    static final List<String> STATES = List.of("installed", "failed", "notInstalled", "pendingInstall");

    @Test
    void everyConcurrentCreateIsStoredOnceAndCounted() throws Exception {
        String app = graph.newApp();
        String user = graph.newUserStatus(app);
        String devices = Routes.deviceStatuses(app, user);
        List<Callable<Answer>> creates = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            String body = "{\"deviceName\":\"device " + i + "\",\"installState\":\"" + STATES.get(i % STATES.size()) + "\"}";
            creates.add(() -> graph.post(devices, body));
        }

        List<Answer> answers = new ArrayList<>();
        var clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (Future<Answer> answer : clients.invokeAll(creates)) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdown();
        }

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertEquals(Map.of(201, (long) CREATES), statuses, "every create answered 201");
        List<JsonObject> stored = graph.all(devices);
        assertEquals(CREATES, stored.size());
        assertEquals(CREATES, stored.stream().map(s -> s.getString("id")).distinct().count());
        assertEquals(CREATES, graph.all(Routes.deviceStatuses(app)).size());
        Map<String, Long> byState = stored.stream()
                .collect(Collectors.groupingBy(s -> s.getString("installState"), Collectors.counting()));
        JsonObject counts = graph.get(Routes.userStatus(app, user)).json();
        assertEquals(CREATES / STATES.size(), byState.get("installed"));
        assertEquals((long) byState.get("installed"), counts.getInt("installedDeviceCount"));
        assertEquals((long) byState.get("failed"), counts.getInt("failedDeviceCount"));
        assertEquals((long) byState.get("notInstalled"), counts.getInt("notInstalledDeviceCount"));
        System.out.printf("ConcurrentCreatesIT: %d creates from %d clients, answers %s, %d rows, counts %s%n",
                CREATES, CLIENTS, statuses, stored.size(), counts);
    }

    /** Creates, state changes and deletes at once, across four users: the counts still match the rows. */
    @Test
    void countsMatchTheRowsAfterConcurrentUpdatesAndDeletes() throws Exception {
        String app = graph.newApp();
        List<String> users = List.of(graph.newUserStatus(app), graph.newUserStatus(app), graph.newUserStatus(app),
                graph.newUserStatus(app));
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            existing.add(graph.post(devices(app, users.get(i % 4)), "{\"installState\":\"installed\"}").json().getString("id"));
        }
        List<Callable<Answer>> writes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String status = Routes.deviceStatus(app, existing.get(i));
            String state = STATES.get(i % STATES.size());
            String newDevice = devices(app, users.get(i % 4));
            writes.add(i % 3 == 0 ? () -> graph.delete(status) : () -> graph.patch(status, "{\"installState\":\"" + state + "\"}"));
            writes.add(() -> graph.post(newDevice, "{\"installState\":\"" + state + "\"}"));
        }

        var clients = Executors.newFixedThreadPool(CLIENTS);
        Map<Integer, Long> answers;
        try {
            List<Answer> done = new ArrayList<>();
            for (Future<Answer> answer : clients.invokeAll(writes)) {
                done.add(answer.get());
            }
            answers = done.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        } finally {
            clients.shutdown();
        }

        assertEquals(Map.of(201, 60L, 200, 40L, 204, 20L), answers);
        List<JsonObject> rows = graph.all(Routes.deviceStatuses(app));
        assertEquals(100, rows.size());
        JsonObject summary = graph.get(Routes.installSummary(app)).json();
        for (String state : STATES) {
            assertEquals(rows.stream().filter(r -> r.getString("installState").equals(state)).count(),
                    summary.getInt(state + "DeviceCount"), state);
        }
        for (String user : users) {
            List<JsonObject> own = graph.all(devices(app, user));
            JsonObject counts = graph.get(Routes.userStatus(app, user)).json();
            for (String state : List.of("installed", "failed", "notInstalled")) {
                assertEquals(own.stream().filter(r -> r.getString("installState").equals(state)).count(),
                        counts.getInt(state + "DeviceCount"), user + " " + state);
            }
        }
    }

    private static String devices(String app, String user) {
        return Routes.deviceStatuses(app, user);
    }
}
