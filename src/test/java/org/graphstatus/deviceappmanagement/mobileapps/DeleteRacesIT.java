package org.graphstatus.deviceappmanagement.mobileapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parent deleted while clients create statuses under it: every answer is one a client can act on (201,
 * 404 or 409, never a 500; a delete that lost to a create succeeds when retried), and nothing is left under
 * a deleted parent: what was created before the delete went with it, and no create outlived it.
 */
class DeleteRacesIT extends DeployedService {

    static final int TRIES = 15;
    static final int CLIENTS = 16;
    static final int CREATES_PER_CLIENT = 4;
    static final Set<Integer> ACCEPTABLE = Set.of(201, 404, 409);

    ExecutorService clients;

    @BeforeEach
    void startClients() {
        clients = Executors.newFixedThreadPool(CLIENTS + 1);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"the app", "the user status"})
    void aDeleteRacingCreatesEndsIn201_404Or409(String deleted) throws Exception {
        Map<Integer, Long> seen = new java.util.concurrent.ConcurrentSkipListMap<>();
        for (int i = 0; i < TRIES; i++) {
            String app = graph.newApp();
            String user = graph.newUserStatus(app);
            String users = Routes.userStatus(app, user);
            var start = new CountDownLatch(1);
            var someCreated = new CountDownLatch(CLIENTS / 2); // the delete goes in while creates are under way
            List<Future<Answer>> answers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    Answer last = null;
                    for (int n = 0; n < CREATES_PER_CLIENT; n++) {
                        last = graph.post(users + "/deviceStatuses", "{\"installState\":\"installed\"}");
                        seen.merge(last.status(), 1L, Long::sum);
                        if (last.status() == 201) {
                            someCreated.countDown();
                        }
                        if (!ACCEPTABLE.contains(last.status())) {
                            return last;
                        }
                    }
                    return last;
                }));
            }
            String parent = deleted.equals("the app") ? Routes.app(app) : users;
            answers.add(clients.submit(() -> {
                start.await();
                someCreated.await(1, TimeUnit.MINUTES);
                Answer answer = graph.delete(parent);
                seen.merge(answer.status(), 1L, Long::sum);
                return answer;
            }));
            start.countDown();

            for (Future<Answer> future : answers) {
                Answer answer = future.get(2, TimeUnit.MINUTES);
                assertTrue(ACCEPTABLE.contains(answer.status()) || answer.status() == 204,
                        "try " + i + ": " + answer.status() + " " + answer.body());
            }
            Answer delete = answers.get(CLIENTS).get();
            if (delete.status() == 409) { // lost to a create that committed first: read again and retry, as told
                assertEquals(204, graph.delete(parent).status(), "try " + i + ": the retried delete");
            }
            assertEquals(404, graph.get(parent).status(), "the parent is gone");
            if (deleted.equals("the user status")) {
                assertEquals(0, graph.all(Routes.deviceStatuses(app)).size(),
                        "its statuses went with it, those created before the delete included");
                assertEquals(200, graph.get(Routes.app(app)).status(), "the app stays");
            } else if (Databases.postgresqlRun()) { // the app's rows cannot be listed once it is gone: ask the database
                try (var db = Databases.connect(Databases.postgresqlUrl(System.getenv().getOrDefault("PGDATABASE", "postgres")));
                        var rows = db.prepareStatement("SELECT (SELECT COUNT(*) FROM mobile_app_install_status WHERE "
                                + "mobile_app_id = ?) + (SELECT COUNT(*) FROM user_app_install_status WHERE mobile_app_id = ?)")) {
                    rows.setString(1, app);
                    rows.setString(2, app);
                    var count = rows.executeQuery();
                    count.next();
                    assertEquals(0, count.getLong(1), "try " + i + ": rows left under the deleted app");
                }
            }
        }
        System.out.println("deleting " + deleted + " under creates, answers by status: " + seen);
        assertTrue(Set.of(201, 204, 404, 409).containsAll(seen.keySet()), "no other answer: " + seen);
        assertTrue(seen.getOrDefault(201, 0L) > 0 && seen.getOrDefault(404, 0L) + seen.getOrDefault(409, 0L) > 0,
                "creates both before and after the delete, so the two raced: " + seen);
    }
}
