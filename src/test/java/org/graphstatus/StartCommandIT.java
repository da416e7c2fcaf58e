package org.graphstatus;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.graphstatus.testing.GraphClient;
import org.junit.jupiter.api.Test;

/**
 * The README's stock command: {@code java -jar payara-micro.jar --deploy the.war --postbootcommandfile ...}
 * serves the API at {@code /beta}, and what was stored before a restart is there after it. The server runs
 * in a folder of its own with the default data folder, as a user would start it.
 */
class StartCommandIT {

    static final Duration BOOT_LIMIT = Duration.ofMinutes(4);

    @Test
    void statusesSurviveARestart() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "start-command"));
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var graph = new GraphClient(new URL("http://localhost:" + port + "/"));

        String app;
        String status;
        JsonObject before;
        Process first = start(workDir, port, "first");
        try {
            app = graph.newApp();
            String user = graph.newUserStatus(app);
            var created = graph.post(APPS + "/" + app + "/userStatuses/" + user + "/deviceStatuses",
                    "{\"deviceName\":\"kept\",\"lastSyncDateTime\":\"2017-01-01T00:02:49.3205976-08:00\"}");
            assertEquals(201, created.status(), created.body());
            status = created.json().getString("id");
            before = graph.get(APPS + "/" + app + "/deviceStatuses/" + status).json();
        } finally {
            stop(first);
        }

        Process second = start(workDir, port, "second");
        try {
            var after = graph.get(APPS + "/" + app + "/deviceStatuses/" + status);
            assertEquals(200, after.status(), after.body());
            assertEquals(before, after.json());
        } finally {
            stop(second);
        }
        if (System.getProperty("graph.postboot", "").endsWith("h2.asadmin")) {
            assertTrue(Files.exists(workDir.resolve("data/graph.mv.db")), "H2 keeps its file under ./data");
        }
    }

    private static Process start(Path workDir, int port, String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                new File(System.getProperty("payara.microJar")).getAbsolutePath(),
                "--deploy", new File(System.getProperty("graph.war")).getAbsolutePath(),
                "--postbootcommandfile", System.getProperty("graph.postboot"),
                "--addlibs", System.getProperty("graph.addlibs"),
                "--port", String.valueOf(port), "--nocluster"));
        var builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().remove("GRAPH_DATA_DIR"); // the default data folder, ./data
        long started = System.nanoTime();
        Process server = builder.start();
        var probe = GraphClient.request(java.net.URI.create("http://localhost:" + port + "/beta/" + APPS + "/probe"), null);
        while (System.nanoTime() - started < BOOT_LIMIT.toNanos()) {
            assertTrue(server.isAlive(), "the server stopped; see " + workDir.resolve(name + ".log"));
            try {
                if (GraphClient.send(probe.GET()).status() == 401) { // deployed, and asking for a token
                    System.out.printf("StartCommandIT: %s boot answered after %d ms%n", name,
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                    return server;
                }
            } catch (RuntimeException notYetListening) {
                // the port opens late in the boot
            }
            Thread.sleep(250);
        }
        server.destroyForcibly();
        throw new AssertionError("no answer within " + BOOT_LIMIT + "; see " + workDir.resolve(name + ".log"));
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy(); // SIGTERM: Payara's shutdown hook closes the database cleanly
        if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }
}
