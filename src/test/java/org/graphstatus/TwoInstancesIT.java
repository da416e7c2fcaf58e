package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipInputStream;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;

/**
 * Several instances behind a load balancer on one PostgreSQL: two start at once on an empty database
 * (Flyway's lock lets one migrate, the other wait), and each reads what the other wrote. H2's file belongs
 * to one server, so this runs in the PostgreSQL run only. Reads follow updates and deletes made elsewhere too,
 * and an export job made by one is answered and served by the other, and by a third after both stopped.
 */
class TwoInstancesIT {

    @Test
    void twoInstancesStartTogetherOnAnEmptyDatabaseAndReadEachOthersWrites() throws Exception {
        assumeTrue(Databases.postgresqlRun(), "PostgreSQL run only");
        String database = Databases.createPostgresql("graph_two");
        try {
            startTogetherAndReadEachOthersWrites(database);
            try (Connection db = Databases.connect(Databases.postgresqlUrl(database)); var rows = db.createStatement().executeQuery(
                    "SELECT version, COUNT(*) FROM flyway_schema_history WHERE success GROUP BY version")) {
                while (rows.next()) {
                    assertEquals(1, rows.getInt(2), "migration " + rows.getString(1) + " ran once");
                }
            }
        } finally {
            Databases.dropPostgresql(database);
        }
    }

    private static final String EXPORT_JOBS = "deviceManagement/reports/exportJobs";

    private static void startTogetherAndReadEachOthersWrites(String database) throws Exception {
        Path workDir = Path.of("target", "two-instances");
        Map<String, String> env = Map.of("PGDATABASE", database);
        String exportJob = null;
        var startA = CompletableFuture.supplyAsync(() -> PayaraProcess.start(workDir, "TwoInstancesIT A", PayaraProcess.freePort(), env));
        var startB = CompletableFuture.supplyAsync(() -> PayaraProcess.start(workDir, "TwoInstancesIT B", PayaraProcess.freePort(), env));
        try (PayaraProcess a = startA.get(); PayaraProcess b = startB.get()) {
            GraphClient viaA = a.graph();
            GraphClient viaB = b.graph();

            String app = viaA.newApp();
            assertEquals(200, viaB.get(Routes.app(app)).status(), "an app created through A is read through B");
            String user = viaB.newUserStatus(app);
            String devices = Routes.deviceStatuses(app, user);
            assertEquals(201, viaA.post(devices, "{\"installState\":\"installed\"}").status(), "B's user, through A");
            assertEquals(1, viaB.get(Routes.userStatus(app, user)).json().getInt("installedDeviceCount"));
            JsonObject throughB = viaB.post(devices, "{\"installState\":\"failed\"}").json();
            JsonObject readThroughA = viaA.get(devices + "/" + throughB.getString("id")).json();
            throughB.forEach((property, value) -> {
                if (!property.equals("@odata.context")) { // names the instance's own host and port
                    assertEquals(value, readThroughA.get(property), property);
                }
            });
            assertEquals(2, viaA.get(devices).json().getJsonArray("value").size());
            assertEquals(1, viaA.get(Routes.userStatus(app, user)).json().getInt("failedDeviceCount"));

            // update through B, read through A: no instance keeps a copy that an update elsewhere leaves stale
            String status = devices + "/" + throughB.getString("id");
            assertEquals("failed", viaA.get(status).json().getString("installState"), "A has read it before");
            assertEquals(200, viaB.patch(status, "{\"installState\":\"installed\",\"deviceName\":\"renamed\"}").status());
            JsonObject afterUpdate = viaA.get(status).json();
            assertEquals("installed", afterUpdate.getString("installState"));
            assertEquals("renamed", afterUpdate.getString("deviceName"));
            assertEquals(2, viaA.get(Routes.userStatus(app, user)).json().getInt("installedDeviceCount"));
            assertEquals(204, viaA.delete(status).status());
            assertEquals(404, viaB.get(status).status(), "deleted through A, gone through B");

            // an export job posted to A (which makes it) is polled and fetched through B
            exportJob = viaA.post(EXPORT_JOBS, "{\"reportName\":\"DeviceInstallStatusByApp\",\"filter\":\"(ApplicationId eq '"
                    + app + "')\"}").json().getString("id");
            assertEquals(2, csvLines(completedUrl(viaB, exportJob), exportJob), "a header and the one status left");
        } finally { // when one start failed, the other server still has to go
            CompletableFuture.allOf(startA, startB).exceptionally(e -> null).join();
            startA.thenAccept(PayaraProcess::close);
            startB.thenAccept(PayaraProcess::close);
        }
        try (PayaraProcess c = PayaraProcess.start(workDir, "TwoInstancesIT C", PayaraProcess.freePort(), env)) {
            assertEquals(2, csvLines(completedUrl(c.graph(), exportJob), exportJob),
                    "with both stopped, a third instance still has the job and its file");
        }
    }

    private static String completedUrl(GraphClient graph, String job) throws InterruptedException {
        for (int polls = 0; polls < 100; polls++) {
            JsonObject read = graph.get(EXPORT_JOBS + "('" + job + "')").json();
            if (read.getString("status").equals("completed")) {
                return read.getString("url");
            }
            assertEquals("inProgress", read.getString("status"), read.toString());
            Thread.sleep(200);
        }
        throw new AssertionError("the export job " + job + " did not complete within 20 s");
    }

    /** The lines of the export's CSV, fetched with no token. */
    private static long csvLines(String url, String job) throws Exception {
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode(), url);
        try (var entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            assertEquals(job + ".csv", entries.getNextEntry().getName());
            return new String(entries.readAllBytes(), StandardCharsets.UTF_8).lines().count();
        }
    }
}
