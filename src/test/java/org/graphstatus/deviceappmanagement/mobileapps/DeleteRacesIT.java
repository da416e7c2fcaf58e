package org.graphstatus.deviceappmanagement.mobileapps;

import static org.graphstatus.testing.GraphClient.APPS;
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
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parent deleted while clients create statuses under it: every answer is one a client can act on (201,
 * 404 or 409, never a 500), and what was created before the delete went with the parent.
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
        Map<Integer, Long> seen = new java.util.TreeMap<>();
        for (int i = 0; i < TRIES; i++) {
            String app = graph.newApp();
            String user = graph.newUserStatus(app);
            String users = APPS + "/" + app + "/userStatuses/" + user;
            var start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    Answer last = null;
                    for (int n = 0; n < CREATES_PER_CLIENT; n++) {
                        last = graph.post(users + "/deviceStatuses", "{\"installState\":\"installed\"}");
                        if (!ACCEPTABLE.contains(last.status())) {
                            return last;
                        }
                    }
                    return last;
                }));
            }
            String parent = deleted.equals("the app") ? APPS + "/" + app : users;
            answers.add(clients.submit(() -> {
                start.await();
                Thread.sleep(5);
                return graph.delete(parent);
            }));
            start.countDown();

            for (Future<Answer> future : answers) {
                Answer answer = future.get(2, TimeUnit.MINUTES);
                seen.merge(answer.status(), 1L, Long::sum);
                assertTrue(ACCEPTABLE.contains(answer.status()) || answer.status() == 204,
                        "try " + i + ": " + answer.status() + " " + answer.body());
            }
            assertEquals(404, graph.get(parent).status(), "the parent is gone");
            if (deleted.equals("the user status")) {
                assertEquals(0, graph.all(APPS + "/" + app + "/deviceStatuses").size(),
                        "its statuses went with it, those created before the delete included");
                assertEquals(200, graph.get(APPS + "/" + app).status(), "the app stays");
            }
        }
        System.out.println("deleting " + deleted + " under creates, answers by status: " + seen);
        assertEquals(TRIES, seen.getOrDefault(204, 0L), "every delete succeeded: " + seen);
    }
}
