package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;

/**
 * The README's stock command: {@code java @server-config/jvm.options -jar payara-micro.jar --deploy the.war ...}
 * serves the API at {@code /beta}, and what was stored before a restart is there after it. The server runs
 * in a folder of its own with the default data folder, as a user would start it.
 */
class StartCommandIT {

    @Test
    void statusesSurviveARestart() {
        Path workDir = Path.of("target", "start-command");
        int port = PayaraProcess.freePort();
        String app;
        String status;
        JsonObject before;
        try (var first = PayaraProcess.start(workDir, "StartCommandIT first", port, Map.of())) {
            GraphClient graph = first.graph();
            app = graph.newApp();
            String user = graph.newUserStatus(app);
            var created = graph.post(Routes.deviceStatuses(app, user),
                    "{\"deviceName\":\"kept\",\"lastSyncDateTime\":\"2017-01-01T00:02:49.3205976-08:00\"}");
            assertEquals(201, created.status(), created.body());
            status = created.json().getString("id");
            before = graph.get(Routes.deviceStatus(app, status)).json();
        }
        try (var second = PayaraProcess.start(workDir, "StartCommandIT second", port, Map.of())) {
            var after = second.graph().get(Routes.deviceStatus(app, status));
            assertEquals(200, after.status(), after.body());
            assertEquals(before, after.json());
        }
        if (System.getProperty("graph.postboot").endsWith("h2.asadmin")) {
            assertTrue(Files.exists(workDir.resolve("data/graph.mv.db")), "H2 keeps its file under ./data");
        }
    }
}
