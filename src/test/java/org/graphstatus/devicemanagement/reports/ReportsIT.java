package org.graphstatus.devicemanagement.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.beta.devicemanagement.reports.retrievedeviceappinstallationstatusreport.RetrieveDeviceAppInstallationStatusReportPostRequestBody;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphSdk;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intune's report actions answered from the statuses the old routes wrote, with the bodies real clients send
 * (the admin center's via CIPP, Patch My PC's paging, the official Java SDK's request builder) and their
 * answers read by position, as those clients read them.
 */
class ReportsIT extends DeployedService {

    static final String REPORTS = "deviceManagement/reports/";

    String app;

    @BeforeEach
    void anAppWithFiveDevices() {
        app = graph.newApp();
        status("PC-1", "installed", 0, "2024-05-01T10:11:12.1234567Z");
        status("PC-2", "failed", -2016345060, "2024-05-02T10:11:12Z");
        status("PC-3", "failed", 1, "2024-05-03T10:11:12Z");
        status("PC-4", "pendingInstall", 0, "2024-05-04T10:11:12Z");
        status("PC-5", "notApplicable", 0, null);
    }

    /** The admin center's device list, as CIPP copies it: 16 columns selected, then read by name from Schema. */
    @Test
    void theAdminCentersSelectComesBackSortedWithEachLocalizedTextAfterItsCode() {
        Answer answer = report("getDeviceInstallStatusReport", """
                {"select":["DeviceName","UserPrincipalName","Platform","AppVersion","InstallState","InstallStateDetail",
                "LastModifiedDateTime","DeviceId","ErrorCode","UserName","UserId","ApplicationId","AppInstallState",
                "AppInstallStateDetails","HexErrorCode"],"skip":0,"top":999,"filter":"(ApplicationId eq '%s')","orderBy":[]}
                """.formatted(app));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/octet-stream", answer.header("Content-Type"));
        JsonObject json = json(answer);
        assertEquals(List.of("AppInstallState", "AppInstallState_loc", "AppInstallStateDetails", "AppInstallStateDetails_loc",
                "ApplicationId", "AppVersion", "DeviceId", "DeviceName", "ErrorCode", "HexErrorCode", "InstallState",
                "InstallStateDetail", "LastModifiedDateTime", "Platform", "UserId", "UserName", "UserPrincipalName"), columns(json));
        assertEquals(5, json.getInt("TotalRowCount"));
        JsonArray failed = rowOf(json, "PC-2");
        assertEquals(2, failed.getInt(columns(json).indexOf("InstallState")));
        assertEquals("Failed", failed.getString(columns(json).indexOf("AppInstallState_loc")));
        assertEquals(-2016345060, failed.getInt(columns(json).indexOf("ErrorCode")));
        assertEquals("0x87D1041C", failed.getString(columns(json).indexOf("HexErrorCode")));
        assertEquals("2024-05-02T10:11:12", failed.getString(columns(json).indexOf("LastModifiedDateTime")));
        assertEquals("", rowOf(json, "PC-1").getString(columns(json).indexOf("HexErrorCode")));
        assertTrue(rowOf(json, "PC-5").isNull(columns(json).indexOf("LastModifiedDateTime")), "never synced");
    }

    /** Patch My PC: no select (18 columns read by position), the portal's states, 2 a page until Values is empty. */
    @Test
    void withoutSelectTheColumnsComeInTheReportsOwnOrderAndPagesAddUpToTheTotal() {
        String filter = "((InstallState eq '1') or (InstallState eq '2') or (InstallState eq '3') or (InstallState eq '5') "
                + "or (InstallState eq '4') or (InstallState eq '99')) and (ApplicationId eq '" + app.toUpperCase() + "')";
        var names = new ArrayList<String>();
        int total = -1;
        for (int skip = 0; ; skip += 2) {
            JsonObject page = json(report("microsoft.graph.getDeviceInstallStatusReport",
                    "{\"skip\":" + skip + ",\"top\":2,\"filter\":\"" + filter + "\"}"));
            assertEquals(List.of("DeviceId", "ApplicationId", "UserId", "DeviceName", "UserPrincipalName", "UserName",
                    "Platform", "AppVersion", "ErrorCode", "InstallState", "InstallStateDetail", "LastModifiedDateTime",
                    "AssignmentFilterIdsExist", "HexErrorCode", "AppInstallState", "AppInstallState_loc",
                    "AppInstallStateDetails", "AppInstallStateDetails_loc"), columns(page));
            total = page.getInt("TotalRowCount");
            if (page.getJsonArray("Values").isEmpty()) {
                break;
            }
            for (JsonArray row : page.getJsonArray("Values").getValuesAs(JsonArray.class)) {
                assertEquals(app, row.getString(1), "value[1] is the ApplicationId");
                names.add(row.getString(3));
            }
        }
        assertEquals(4, total, "not the notApplicable one");
        assertEquals(Set.of("PC-1", "PC-2", "PC-3", "PC-4"), new HashSet<>(names));
        assertEquals(4, names.size(), "no row twice, none missed");
    }

    @Test
    void ordersByAnyColumnAndFiltersByHexErrorCodeAndSearches() {
        JsonObject byState = json(report("getDeviceInstallStatusReport", "{\"select\":[\"DeviceName\"],\"orderBy\":[\"InstallState desc\",\"DeviceName\"],"
                + "\"filter\":\"(ApplicationId eq '" + app + "')\"}"));
        assertEquals(List.of("PC-4", "PC-2", "PC-3", "PC-1", "PC-5"), column(byState, 0), "5, 2, 2, 1, -1");

        JsonObject hex = json(report("getDeviceInstallStatusReport", "{\"select\":[\"DeviceName\"],"
                + "\"filter\":\"(ApplicationId eq '" + app + "') and (HexErrorCode eq '0x87d1041c')\"}"));
        assertEquals(List.of("PC-2"), column(hex, 0));

        JsonObject search = json(report("retrieveDeviceAppInstallationStatusReport", "{\"select\":[\"DeviceName\"],\"search\":\"pc-3\","
                + "\"filter\":\"(ApplicationId eq '" + app + "')\"}"));
        assertEquals(List.of("PC-3"), column(search, 0));
    }

    /** Patch My PC's overview: Installed is value[3], the applicable devices value[1] to value[4]. */
    @Test
    void theOverviewIsOneRowOfCountsReadByPosition() {
        JsonArray row = json(report("getAppStatusOverviewReport", "{\"filter\":\"(ApplicationId eq '" + app + "')\"}"))
                .getJsonArray("Values").getJsonArray(0);
        assertEquals(app, row.getString(0));
        assertEquals(List.of(2, 1, 1, 0, 1), List.of(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5)),
                "failed, pending, installed, not installed, not applicable");

        JsonObject none = json(report("getAppStatusOverviewReport", "{\"filter\":\"(ApplicationId eq '" + graph.newApp() + "')\"}"));
        assertEquals(0, none.getInt("TotalRowCount"));
        assertEquals(0, none.getJsonArray("Values").size(), "an app without statuses has no row");
    }

    /** Each user of the app with their devices by state, the counts after the four user columns. */
    @Test
    void theUsersReportCountsEachUsersDevices() {
        String ada = userStatus("ada@contoso.example");
        String bob = userStatus("bob@contoso.example");
        for (String[] device : new String[][] {{ada, "failed"}, {ada, "installed"}, {ada, "failed"}, {bob, "pendingInstall"}}) {
            assertEquals(201, graph.post(Routes.deviceStatuses(app, device[0]), "{\"installState\":\"" + device[1] + "\"}").status());
        }

        JsonObject json = json(report("getUserInstallStatusReport",
                "{\"orderBy\":[\"UserPrincipalName desc\"],\"filter\":\"(ApplicationId eq '" + app + "')\"}"));

        assertEquals(List.of("UserId", "ApplicationId", "UserName", "UserPrincipalName", "FailedCount", "InstalledCount",
                "NotApplicableCount", "NotInstalledCount", "PendingInstallCount"), columns(json));
        assertEquals(2, json.getInt("TotalRowCount"));
        JsonArray first = json.getJsonArray("Values").getJsonArray(0);
        JsonArray second = json.getJsonArray("Values").getJsonArray(1);
        assertEquals("bob@contoso.example", first.getString(3));
        assertEquals(List.of(0, 0, 0, 0, 1), counts(first));
        assertEquals("ada@contoso.example", second.getString(3));
        assertEquals(List.of(2, 1, 0, 0, 0), counts(second));
        assertEquals(app, second.getString(1));

        Answer narrowed = report("getUserInstallStatusReport",
                "{\"filter\":\"(ApplicationId eq '" + app + "') and (InstallState eq '2')\"}");
        assertEquals(400, narrowed.status(), narrowed.body());
        assertTrue(narrowed.errorMessage().contains("is of one app"), narrowed.errorMessage());
    }

    @Test
    void aBadRequestIsAGraph400NamingWhatIsWrong() {
        assertBadRequest("{\"filter\":\"(InstallState eq '1')\"}", "needs the app in its filter");
        assertBadRequest("{\"filter\":\"(ApplicationId eq '" + app + "'\"}", "Invalid filter");
        assertBadRequest("{\"filter\":\"(ApplicationId eq " + app + ")\"}", "Invalid filter");
        assertBadRequest("{\"select\":[\"Colour\"],\"filter\":\"(ApplicationId eq '" + app + "')\"}", "no column 'Colour'");
        assertBadRequest("{\"select\":[\"AppInstallState_loc\"],\"filter\":\"(ApplicationId eq '" + app + "')\"}", "AppInstallState_loc");
        assertBadRequest("{\"filter\":\"(ApplicationId eq '" + app + "') and (DeviceName eq 'PC-1')\"}", "'DeviceName' cannot be filtered");
        assertBadRequest("{\"filter\":\"(ApplicationId eq '" + app + "') and (InstallState eq 'one')\"}", "is a number");
        assertBadRequest("{\"colour\":\"red\",\"filter\":\"(ApplicationId eq '" + app + "')\"}", "'colour' does not exist");
        assertBadRequest("{\"top\":-1,\"filter\":\"(ApplicationId eq '" + app + "')\"}", "top");

        Answer unknown = graph.post(REPORTS + "getDeviceStatusByAppReport", "{}");
        assertEquals(400, unknown.status());
        assertEquals("Resource not found for the segment 'getDeviceStatusByAppReport'.", unknown.errorMessage());
    }

    /** Kiota asks for octet-stream, scripts for JSON: each gets the same answer, none a 406. */
    @Test
    void anyAcceptGetsTheOctetStream() {
        for (String accept : List.of("application/json", "application/octet-stream, application/json", "*/*")) {
            Answer answer = graph.call(graph.request(graph.uri(REPORTS + "getDeviceInstallStatusReport"))
                    .setHeader("Accept", accept).setHeader("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"filter\":\"(ApplicationId eq '" + app + "')\"}")));
            assertEquals(200, answer.status(), accept + ": " + answer.body());
            assertEquals(5, json(answer).getInt("TotalRowCount"));
        }
    }

    /** Patch My PC batches its report calls and decodes each answer's body from base64, as Graph sends it. */
    @Test
    void inABatchTheReportsBodyIsBase64() {
        Answer batch = graph.post("$batch", """
                {"requests":[{"id":"1","method":"POST","url":"/deviceManagement/reports/getDeviceInstallStatusReport",
                "headers":{"Content-Type":"application/json"},"body":{"top":1,"filter":"(ApplicationId eq '%s')"}}]}
                """.formatted(app));

        assertEquals(200, batch.status(), batch.body());
        JsonObject response = batch.json().getJsonArray("responses").getJsonObject(0);
        assertEquals(200, response.getInt("status"), response.toString());
        String decoded = new String(Base64.getDecoder().decode(response.getString("body")), StandardCharsets.UTF_8);
        JsonObject json = Json.createReader(new StringReader(decoded)).readObject();
        assertEquals(5, json.getInt("TotalRowCount"));
        assertEquals(1, json.getJsonArray("Values").size());
    }

    @Test
    void anotherTenantSeesNoneOfTheseRows() {
        String token = Tokens.sign(Tokens.claims(claims -> claims.claim("tid", UUID.randomUUID().toString())
                .claim("scp", Tokens.READ)), Tokens.developmentKey());
        JsonObject other = json(graph.as(token).post(REPORTS + "getDeviceInstallStatusReport",
                "{\"filter\":\"(ApplicationId eq '" + app + "')\"}"));
        assertEquals(0, other.getInt("TotalRowCount"));
        assertEquals(0, other.getJsonArray("Values").size());
    }

    /**
     * The official beta SDK for Java, through its own request builder (6.x has retrieve... only; its
     * getDeviceInstallStatusReport is gone): the answer is a stream it hands back.
     */
    @Test
    void theJavaSdksRequestBuilderGetsTheReport() throws Exception {
        var sdk = GraphSdk.client(graph, Tokens.delegated(Tokens.READ));
        var body = new RetrieveDeviceAppInstallationStatusReportPostRequestBody();
        body.setFilter("(ApplicationId eq '" + app + "')");
        body.setSelect(List.of("DeviceName", "InstallState"));
        body.setOrderBy(List.of("DeviceName desc"));
        body.setTop(2);

        try (InputStream stream = sdk.deviceManagement().reports().retrieveDeviceAppInstallationStatusReport().post(body)) {
            JsonObject json = Json.createReader(stream).readObject();
            assertEquals(5, json.getInt("TotalRowCount"));
            assertEquals(List.of("DeviceName", "InstallState"), columns(json));
            assertEquals(List.of("PC-5", "PC-4"), column(json, 0));
        }
    }

    /**
     * The admin center's "apps with installation failures" tile (its body as a daily-check script copies it),
     * then the Cookbook's select of every app, read by position: 0 ApplicationId, 1 AppVersion, 2 DisplayName,
     * 3 FailedDeviceCount, 4 FailedDevicePercentage, 5 FailedUserCount, 7 Platform's text, 8 Publisher.
     */
    @Test
    void theAppsSummaryRanksATenantsAppsByFailedDevices() {
        GraphClient tenant = graph.as(Tokens.sign(Tokens.claims(claims -> claims.claim("tid", UUID.randomUUID().toString())
                .claim("scp", Tokens.READ_WRITE)), Tokens.developmentKey()));
        String win32 = app(tenant, "{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"displayName\":\"7-Zip\","
                + "\"publisher\":\"Igor Pavlov\",\"displayVersion\":\"24.08\"}");
        String ios = app(tenant, "{\"@odata.type\":\"#microsoft.graph.iosStoreApp\",\"displayName\":\"Authenticator\","
                + "\"publisher\":\"Microsoft\"}");
        String web = app(tenant, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"Intranet\","
                + "\"publisher\":\"Contoso\",\"appUrl\":\"https://intranet.contoso.example\"}");
        String ada = tenant.newUserStatus(win32);
        for (String[] status : new String[][] {{win32, ada, "failed"}, {win32, ada, "installed"}, {win32, null, "failed"},
                {win32, null, "installed"}, {win32, null, "notApplicable"}, {ios, null, "failed"}, {ios, null, "installed"},
                {ios, null, "installed"}, {ios, null, "installed"}}) {
            String route = status[1] == null ? Routes.deviceStatuses(status[0]) : Routes.deviceStatuses(status[0], status[1]);
            assertEquals(201, tenant.post(route, "{\"installState\":\"" + status[2] + "\"}").status());
        }

        JsonObject tile = json(tenant.post(REPORTS + "getAppsInstallSummaryReport", """
                {"filter":"(FailedDeviceCount gt '0')","orderBy":["FailedDeviceCount desc"],"select":["DisplayName",
                "Publisher","Platform","AppVersion","FailedDevicePercentage","FailedDeviceCount","FailedUserCount",
                "ApplicationId"],"skip":0,"top":10}"""));
        assertEquals(List.of("ApplicationId", "AppVersion", "DisplayName", "FailedDeviceCount", "FailedDevicePercentage",
                "FailedUserCount", "Platform", "Platform_loc", "Publisher"), columns(tile));
        assertEquals(2, tile.getInt("TotalRowCount"), "the web app has no failure");
        JsonArray first = tile.getJsonArray("Values").getJsonArray(0);
        assertEquals(List.of(win32, "24.08", "7-Zip"), List.of(first.getString(0), first.getString(1), first.getString(2)));
        assertEquals(2, first.getInt(3));
        assertEquals(50.0, first.getJsonNumber(4).doubleValue(), "2 failed of 4 applicable devices");
        assertEquals(1, first.getInt(5), "ada, who has a failed device");
        assertEquals(List.of("Windows", "Igor Pavlov"), List.of(first.getString(7), first.getString(8)));
        JsonArray second = tile.getJsonArray("Values").getJsonArray(1);
        assertEquals(List.of(ios, "iOS"), List.of(second.getString(0), second.getString(7)));
        assertEquals(25.0, second.getJsonNumber(4).doubleValue());
        assertTrue(second.isNull(1), "an app type without a version");

        JsonObject all = json(tenant.post(REPORTS + "microsoft.graph.getAppsInstallSummaryReport",
                "{\"filter\":\"\",\"orderBy\":[],\"top\":2,\"skip\":2}"));
        assertEquals(3, all.getInt("TotalRowCount"));
        assertEquals(18, columns(all).size());
        assertEquals(List.of("Intranet"), column(all, columns(all).indexOf("DisplayName")), "by name: the third of three");

        JsonObject byPlatform = json(tenant.post(REPORTS + "getAppsInstallSummaryReport",
                "{\"select\":[\"ApplicationId\",\"InstalledDeviceCount\"],\"filter\":\"(Platform eq 'Web') or (Platform eq '2')\","
                + "\"orderBy\":[\"InstalledDeviceCount\"]}"));
        assertEquals(List.of(web, ios), column(byPlatform, 0));

        Answer unfilterable = tenant.post(REPORTS + "getAppsInstallSummaryReport", "{\"filter\":\"(Publisher eq 'Contoso')\"}");
        assertEquals(400, unfilterable.status(), unfilterable.body());
        assertTrue(unfilterable.errorMessage().contains("'Publisher' cannot be filtered"), unfilterable.errorMessage());
    }

    /** Graph v1.0 has one of these actions; its SDKs call it there, and nothing else of v1.0 is served. */
    @Test
    void version1HasTheRetrieveAction() {
        Answer answer = GraphClient.send(GraphClient.request(graph.rootUri("v1.0/" + REPORTS + "retrieveDeviceAppInstallationStatusReport"),
                Tokens.delegated(Tokens.READ)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"select\":[\"DeviceName\"],\"filter\":\"(ApplicationId eq '" + app + "')\"}")));
        assertEquals(5, json(answer).getInt("TotalRowCount"));
        assertEquals("application/octet-stream", answer.header("Content-Type"));

        Answer other = GraphClient.send(GraphClient.request(graph.rootUri("v1.0/" + REPORTS + "getDeviceInstallStatusReport"),
                Tokens.delegated(Tokens.READ)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, other.status(), other.body());
        assertEquals("ResourceNotFound", other.errorCode(), "a Graph error, not an HTML page");
    }

    private static String app(GraphClient tenant, String json) {
        Answer created = tenant.post("deviceAppManagement/mobileApps", json);
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private void assertBadRequest(String body, String message) {
        Answer answer = report("getDeviceInstallStatusReport", body);
        assertEquals(400, answer.status(), body + ": " + answer.body());
        assertEquals("BadRequest", answer.errorCode(), answer.body());
        assertTrue(answer.errorMessage().contains(message), body + ": " + answer.errorMessage());
    }

    private Answer report(String action, String body) {
        return graph.post(REPORTS + action, body);
    }

    private void status(String device, String state, int errorCode, String lastSync) {
        String body = "{\"deviceName\":\"" + device + "\",\"installState\":\"" + state + "\",\"errorCode\":" + errorCode
                + (lastSync == null ? "" : ",\"lastSyncDateTime\":\"" + lastSync + "\"") + "}";
        Answer created = graph.post(Routes.deviceStatuses(app), body);
        assertEquals(201, created.status(), created.body());
    }

    private String userStatus(String principal) {
        Answer created = graph.post(Routes.userStatuses(app), "{\"userName\":\"" + principal.substring(0, 3)
                + "\",\"userPrincipalName\":\"" + principal + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private static List<Integer> counts(JsonArray row) {
        return List.of(row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getInt(8));
    }

    private static JsonObject json(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static List<String> columns(JsonObject json) {
        return json.getJsonArray("Schema").getValuesAs(JsonObject.class).stream().map(column -> column.getString("Column")).toList();
    }

    private static List<String> column(JsonObject json, int index) {
        return json.getJsonArray("Values").getValuesAs(JsonArray.class).stream().map(row -> row.getString(index)).toList();
    }

    private static JsonArray rowOf(JsonObject json, String device) {
        int name = columns(json).indexOf("DeviceName");
        return json.getJsonArray("Values").getValuesAs(JsonArray.class).stream()
                .filter(row -> row.getString(name).equals(device)).findFirst().orElseThrow();
    }
}
