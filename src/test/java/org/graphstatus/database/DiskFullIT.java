package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;

/**
 * The embedded H2 on a disk that fills: the file on a tmpfs of 8 MB that the test mounts (as root, as CI runs),
 * 16 writers until the disk is full (writes are refused with under 1 MiB free: EmbeddedDatabaseRoom), then the
 * tmpfs grown. Every answer is a 201 or a 503 with Retry-After; readiness is DOWN while the disk is full,
 * liveness stays UP; the free space is on /metrics and a WARNING (here under half free) in the log; within seconds of the disk growing, without a restart, creates and reads work again and
 * both probes are UP; and after a restart every acknowledged status is there. H2 run only: PostgreSQL's disk is the operator's.
 */
class DiskFullIT {

    static final int WRITERS = 16;

    @Test
    void aFullDiskIs503AndTheServiceRecoversByItselfWithEveryAcknowledgedStatus() throws Exception {
        assumeFalse(Databases.postgresqlRun(), "H2 run only: PostgreSQL's disk is the operator's");
        Path work = Path.of("target", "disk-full", UUID.randomUUID().toString()).toAbsolutePath();
        Path disk = Files.createDirectories(work.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString()) == 0,
                "DiskFullIT needs to mount a tmpfs (root): skipped");
        PayaraProcess server = null;
        try {
            Map<String, String> env = Map.of("GRAPH_DATA_DIR", disk.toString(), "GRAPH_DISK_WARN_BELOW", "0.5");
            int port = PayaraProcess.freePort();
            server = PayaraProcess.start(work, "DiskFullIT", port, env);
            GraphClient graph = server.graph();
            String app = graph.newApp();

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            var unexpected = new ConcurrentLinkedQueue<String>();
            var refused = new AtomicInteger();
            fill(graph, Routes.deviceStatuses(app), acknowledged, refused, unexpected);
            assertEquals(List.of(), List.copyOf(unexpected), "only 201, and 503 with Retry-After");
            assertTrue(refused.get() > 0 && acknowledged.size() > 100, acknowledged.size() + " acknowledged, "
                    + refused.get() + " refused");

            assertEquals(503, health(graph, "ready").status(), "not ready while the disk is full");
            Answer live = health(graph, "live");
            assertEquals(200, live.status(), "no restart while the disk is full: " + live.body());
            String metrics = plain(graph, "metrics");
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("graph_database_disk_free_ratio")), metrics);
            assertTrue(Files.readString(server.log()).matches("(?s).*WARNING.*has \\d+ MB free, \\d+% of it: under 50%.*"),
                    "the WARNING; see " + server.log());

            assertEquals(0, run("mount", "-o", "remount,size=64m", disk.toString()), "the tmpfs grown");
            long grown = System.nanoTime();
            Answer created = graph.post(Routes.deviceStatuses(app), "{\"deviceName\":\"recovered\"}");
            while (created.status() != 201 && System.nanoTime() - grown < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(250);
                created = graph.post(Routes.deviceStatuses(app), "{\"deviceName\":\"recovered\"}");
            }
            assertEquals(201, created.status(), "a create once there is space, without a restart: " + created.body());
            acknowledged.add(created.json().getString("id"));
            System.out.printf("DiskFullIT: %d acknowledged, %d refused, recovered %d ms after the disk grew%n",
                    acknowledged.size(), refused.get(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - grown));
            assertEquals(200, graph.get(Routes.deviceStatuses(app) + "/" + created.json().getString("id")).status());
            assertEquals(200, health(graph, "ready").status(), "ready again");
            live = health(graph, "live");
            assertEquals(200, live.status(), live.body());

            server.close(); // a restart: H2 reads its file anew
            server = PayaraProcess.start(work, "DiskFullIT again", port, env);
            graph = server.graph();
            Set<String> stored = new HashSet<>();
            for (JsonObject status : graph.all(Routes.deviceStatuses(app) + "?$select=id&$top=999")) {
                stored.add(status.getString("id"));
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "every acknowledged status, of " + acknowledged.size());
            assertEquals(200, health(graph, "ready").status());
            assertEquals(201, graph.post(Routes.deviceStatuses(app), "{\"deviceName\":\"after\"}").status());
        } finally {
            if (server != null) {
                server.close();
            }
            run("umount", disk.toString());
        }
    }

    /** 16 writers with bodies H2 cannot compress, until each has been refused a few times or a minute passed. */
    static void fill(GraphClient graph, String route, Set<String> acknowledged, AtomicInteger refused,
            ConcurrentLinkedQueue<String> unexpected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(() -> {
                int refusals = 0;
                while (refusals < 5 && System.nanoTime() < deadline) {
                    byte[] noise = new byte[450];
                    ThreadLocalRandom.current().nextBytes(noise);
                    Answer answer = graph.post(route, "{\"deviceName\":\"filler\",\"osDescription\":\""
                            + HexFormat.of().formatHex(noise) + "\"}");
                    if (answer.status() == 201) {
                        acknowledged.add(answer.json().getString("id"));
                    } else if (answer.status() == 503 && answer.header("Retry-After") != null) {
                        refused.incrementAndGet();
                        refusals++;
                    } else {
                        unexpected.add(answer.status() + " " + answer.body());
                        refusals++;
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    static Answer health(GraphClient graph, String check) {
        return GraphClient.send(GraphClient.request(graph.rootUri("health/" + check), null).GET());
    }

    static String plain(GraphClient graph, String path) {
        return GraphClient.send(GraphClient.request(graph.rootUri(path), null).setHeader("Accept", "text/plain").GET()).body();
    }

    static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
