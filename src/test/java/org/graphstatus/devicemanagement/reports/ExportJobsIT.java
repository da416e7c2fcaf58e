package org.graphstatus.devicemanagement.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.beta.models.DeviceManagementExportJob;
import com.microsoft.graph.beta.models.DeviceManagementExportJobLocalizationType;
import com.microsoft.graph.beta.models.DeviceManagementReportFileFormat;
import com.microsoft.graph.beta.models.DeviceManagementReportStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.GraphSdk;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export jobs as the scripts that use them run them: Microsoft's own sample (post, poll
 * {@code exportJobs('id')} every few seconds until completed, fetch the URL with no token, open
 * {@code <id>.csv} in the ZIP), the official Java SDK's request builders, and the errors around them.
 */
class ExportJobsIT extends DeployedService {

    static final String JOBS = "deviceManagement/reports/exportJobs";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    String app;

    @BeforeEach
    void anAppWithThreeDevices() {
        app = graph.newApp();
        for (String[] device : new String[][] {{"PC-1", "installed", "0"}, {"PC-2", "failed", "-2016345060"},
                {"PC-3, \"the quoted one\"", "pendingInstall", "0"}}) {
            Answer created = graph.post(Routes.deviceStatuses(app), Json.createObjectBuilder().add("deviceName", device[0])
                    .add("installState", device[1]).add("errorCode", Integer.parseInt(device[2])).build().toString());
            assertEquals(201, created.status(), created.body());
        }
    }

    @Test
    void microsoftsSamplePostsPollsAndDownloadsTheCsvWithoutAToken() throws IOException {
        Answer created = graph.post(JOBS, """
                {"reportName":"DeviceInstallStatusByApp","filter":"(ApplicationId eq '%s')",
                "localizationType":"LocalizedValuesAsAdditionalColumn","format":"csv",
                "select":["DeviceName","InstallState","AppInstallState","HexErrorCode"]}""".formatted(app));

        assertEquals(201, created.status(), created.body());
        JsonObject job = created.json();
        String id = job.getString("id");
        assertTrue(id.startsWith("DeviceInstallStatusByApp_"), id);
        assertEquals("notStarted", job.getString("status"));
        assertTrue(job.isNull("url"));
        assertEquals("0001-01-01T00:00:00Z", job.getString("expirationDateTime"));
        assertTrue(job.getString("@odata.context").endsWith("/beta/$metadata#deviceManagement/reports/exportJobs/$entity"));
        assertTrue(created.header("Location").endsWith(JOBS + "/" + id), created.header("Location"));

        JsonObject done = completed(JOBS + "('" + id + "')");
        assertNotEquals("0001-01-01T00:00:00Z", done.getString("expirationDateTime"));
        HttpResponse<byte[]> zip = download(done.getString("url"), null);
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElseThrow());

        List<String> lines = List.of(unzipped(zip.body(), id + ".csv").split("\r\n"));
        assertEquals("\"AppInstallState\",\"AppInstallState_loc\",\"DeviceName\",\"HexErrorCode\",\"InstallState\"", lines.get(0));
        assertEquals(4, lines.size(), "a header and the three devices: " + lines);
        assertTrue(lines.contains("\"2\",\"Failed\",\"PC-2\",\"0x87D1041C\",\"2\""), lines.toString());
        assertTrue(lines.contains("\"5\",\"Install Pending\",\"PC-3, \"\"the quoted one\"\"\",\"\",\"5\""), lines.toString());

        assertEquals(200, download(done.getString("url"), Tokens.delegated(Tokens.READ)).statusCode(),
                "a script that sends its Graph token along gets the file too");
    }

    @Test
    void jsonWithLocalizedValuesReplacingTheirCodes() throws IOException {
        Answer created = graph.post(JOBS, """
                {"reportName":"DeviceInstallStatusByApp","filter":"(ApplicationId eq '%s') and (InstallState eq '2')",
                "format":"json","localizationType":"replaceLocalizableValues","select":["DeviceName","AppInstallState"]}
                """.formatted(app));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");

        JsonObject file = Json.createReader(new StringReader(unzipped(download(completed(JOBS + "/" + id).getString("url"), null).body(),
                id + ".json"))).readObject();
        assertEquals(List.of("AppInstallState", "DeviceName"), file.getJsonArray("Schema").getValuesAs(JsonObject.class).stream()
                .map(column -> column.getString("Column")).toList());
        assertEquals(List.of("Failed", "PC-2"), file.getJsonArray("Values").getJsonArray(0).getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(1, file.getInt("TotalRowCount"));
    }

    /** The official beta SDK for Java: its exportJobs request builders, its models and enums. */
    @Test
    void theJavaSdkCreatesAndReadsAJob() throws InterruptedException {
        var sdk = GraphSdk.client(graph, Tokens.delegated(Tokens.READ));
        var body = new DeviceManagementExportJob();
        body.setReportName("UserInstallStatusAggregateByApp");
        body.setFilter("(ApplicationId eq '" + app + "')");
        body.setFormat(DeviceManagementReportFileFormat.Csv);
        body.setLocalizationType(DeviceManagementExportJobLocalizationType.LocalizedValuesAsAdditionalColumn);

        DeviceManagementExportJob job = sdk.deviceManagement().reports().exportJobs().post(body);
        assertEquals(DeviceManagementReportStatus.NotStarted, job.getStatus());
        for (int polls = 0; job.getStatus() != DeviceManagementReportStatus.Completed; polls++) {
            assertTrue(polls < 100, "completed within 20 s");
            Thread.sleep(200);
            job = sdk.deviceManagement().reports().exportJobs().byDeviceManagementExportJobId(job.getId()).get();
            assertNotEquals(DeviceManagementReportStatus.NotStarted, job.getStatus(), "a GET never shows notStarted");
            assertNotEquals(DeviceManagementReportStatus.Failed, job.getStatus());
        }
        String id = job.getId();
        assertTrue(job.getUrl().endsWith("/" + id + ".zip"), job.getUrl());
        assertTrue(sdk.deviceManagement().reports().exportJobs().get().getValue().stream()
                .anyMatch(listed -> listed.getId().equals(id)));
    }

    @Test
    void aDeletedJobsFileIsGoneAndAnotherTenantSeesNoJob() throws IOException {
        Answer created = graph.post(JOBS, "{\"reportName\":\"AppInstallStatusAggregate\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        String url = completed(JOBS + "/" + id).getString("url");

        GraphClient other = graph.as(Tokens.sign(Tokens.claims(claims -> claims.claim("tid", UUID.randomUUID().toString())
                .claim("scp", Tokens.READ_WRITE)), Tokens.developmentKey()));
        assertEquals(404, other.get(JOBS + "/" + id).status());
        assertEquals(404, other.delete(JOBS + "/" + id).status());
        assertFalse(other.get(JOBS).json().getJsonArray("value").toString().contains(id));

        assertEquals(404, download(url.replace("/exports/", "/exports/x"), null).statusCode(), "a changed secret");
        assertEquals(204, graph.delete(JOBS + "('" + id + "')").status());
        assertEquals(404, graph.get(JOBS + "/" + id).status());
        HttpResponse<byte[]> gone = download(url, null);
        assertEquals(404, gone.statusCode());
        JsonObject error = Json.createReader(new StringReader(new String(gone.body(), StandardCharsets.UTF_8))).readObject();
        assertEquals("ResourceNotFound", error.getJsonObject("error").getString("code"), "a Graph error, not a page");
    }

    /** Graph v1.0 has the export jobs too; the v1.0 SDKs and scripts call them there. */
    @Test
    void version1HasTheExportJobs() {
        String token = Tokens.delegated(Tokens.READ_WRITE);
        Answer created = GraphClient.send(GraphClient.request(graph.rootUri("v1.0/" + JOBS), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reportName\":\"AppInstallStatusAggregate\"}")));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        Answer read = GraphClient.send(GraphClient.request(graph.rootUri("v1.0/" + JOBS + "('" + id + "')"), token).GET());
        assertEquals(200, read.status(), read.body());
        assertEquals(id, read.json().getString("id"));
        assertEquals(405, graph.patch(JOBS + "/" + id, "{}").status(), "no PATCH: nothing calls it");
    }

    @Test
    void aJobTheReportCannotMakeIsA400NamingWhy() {
        assertBadRequest("{\"reportName\":\"DeviceInstallStatusByApp\"}", "needs the app in its filter");
        assertBadRequest("{\"reportName\":\"UserInstallStatusAggregateByApp\",\"filter\":\"(InstallState eq '1')\"}", "is of one app");
        assertBadRequest("{\"reportName\":\"Devices\"}", "'Devices' is not one this service exports");
        assertBadRequest("{\"filter\":\"\"}", "needs its reportName");
        assertBadRequest("{\"reportName\":\"AppInstallStatusAggregate\",\"format\":\"pdf\"}", "csv or json");
        assertBadRequest("{\"reportName\":\"AppInstallStatusAggregate\",\"select\":[\"Colour\"]}", "no column 'Colour'");
        assertBadRequest("{\"reportName\":\"AppInstallStatusAggregate\",\"localizationType\":\"french\"}", "french");
        assertBadRequest("{\"reportName\":\"AppInstallStatusAggregate\",\"colour\":\"red\"}", "'colour' does not exist");
        assertEquals(404, graph.get(JOBS + "/DeviceInstallStatusByApp_" + UUID.randomUUID()).status());
    }

    private void assertBadRequest(String body, String message) {
        Answer answer = graph.post(JOBS, body);
        assertEquals(400, answer.status(), body + ": " + answer.body());
        assertTrue(answer.errorMessage().contains(message), body + ": " + answer.errorMessage());
    }

    /** Polls as ZT's script does (while inProgress), failing on anything but completed. */
    private JsonObject completed(String path) {
        for (int polls = 0; polls < 100; polls++) {
            Answer answer = graph.get(path);
            assertEquals(200, answer.status(), answer.body());
            String status = answer.json().getString("status");
            if (status.equals("completed")) {
                assertTrue(answer.json().getString("url").startsWith(graph.rootUri("exports/").toString()), answer.body());
                return answer.json();
            }
            assertEquals("inProgress", status, answer.body());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(path + " did not complete within 20 s");
    }

    private static HttpResponse<byte[]> download(String url, String token) {
        var request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ZIP's one file, which must be called {@code name}. */
    private static String unzipped(byte[] zip, String name) throws IOException {
        try (var entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = entries.getNextEntry();
            assertEquals(name, entry.getName());
            String text = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
            assertNull(entries.getNextEntry(), "one file");
            return text;
        }
    }
}
