package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating and reading mobileAppInstallStatus on both routes of the API page. */
class DeviceStatusesIT extends DeployedService {

    /** The API page's example, with the three properties the metadata adds, as the Java SDK sends them. */
    static final String PAGE_EXAMPLE = """
            {
              "@odata.type": "#microsoft.graph.mobileAppInstallStatus",
              "deviceName": "Device Name value",
              "deviceId": "Device Id value",
              "lastSyncDateTime": "2017-01-01T00:02:49.3205976-08:00",
              "mobileAppInstallStatusValue": "failed",
              "installState": "failed",
              "installStateDetail": "seeInstallErrorCode",
              "errorCode": 9,
              "osVersion": "Os Version value",
              "osDescription": "Os Description value",
              "userName": "User Name value",
              "userPrincipalName": "User Principal Name value",
              "displayVersion": "1.2.3"
            }""";

    String app;

    @BeforeEach
    void newApp() {
        app = graph.newApp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deviceStatuses", "/deviceStatuses/"})
    void createsOnTheAppRouteWithOrWithoutTrailingSlash(String route) {
        Answer created = graph.post(Routes.app(app) + route, PAGE_EXAMPLE);

        assertEquals(201, created.status(), created.body());
        JsonObject status = created.json();
        String id = status.getString("id");
        assertEquals(id, UUID.fromString(id).toString(), "a server-made GUID");
        assertEquals(graph.uri(Routes.deviceStatus(app, id)).toString(), created.header("Location"));
        assertEquals(graph.uri("$metadata").toString() + "#deviceAppManagement/mobileApps('" + app
                + "')/deviceStatuses/$entity", status.getString("@odata.context"));
        assertPageExample(status);
        assertEquals(status, graph.send(GraphClient.request(URI.create(created.header("Location")),
                Tokens.delegated(Tokens.READ_WRITE)).GET()).json(), "what the Location reads back is what was created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deviceStatuses", "/deviceStatuses/"})
    void createsOnTheUserRouteWithOrWithoutTrailingSlash(String route) {
        String user = graph.newUserStatus(app);
        String userRoute = Routes.userStatus(app, user);

        Answer created = graph.post(userRoute + route, PAGE_EXAMPLE);

        assertEquals(201, created.status(), created.body());
        JsonObject status = created.json();
        String id = status.getString("id");
        assertEquals(graph.uri(userRoute + "/deviceStatuses/" + id).toString(), created.header("Location"));
        assertEquals(graph.uri("$metadata") + "#deviceAppManagement/mobileApps('" + app + "')/userStatuses('"
                + user + "')/deviceStatuses/$entity", status.getString("@odata.context"));
        assertPageExample(status);
        assertEquals(200, graph.get(userRoute + "/deviceStatuses/" + id).status());
        assertEquals(200, graph.get(Routes.deviceStatus(app, id)).status(), "it belongs to the app too");
    }

    @Test
    void serverMadeIdsAreTimeOrderedGuidsThatSortInTheOrderMade() throws InterruptedException {
        String user = graph.newUserStatus(app);
        String first = createdId(Routes.deviceStatuses(app, user), "{}");
        Thread.sleep(2); // a later millisecond: within one, the order is random
        String second = createdId(Routes.deviceStatuses(app), "{}");

        for (String id : List.of(app, user, first, second)) {
            assertEquals(7, UUID.fromString(id).version(), id + ": version 7, the creation time in front");
        }
        assertTrue(first.compareTo(second) < 0, first + " was made before " + second);
        assertEquals(List.of(first, second), idsInOrder(Routes.deviceStatuses(app)),
                "an app's statuses read in key order come in the order they were made");
    }

    @Test
    void theAppsCollectionHoldsAllItsStatusesAndTheUsersOnlyTheUsers() {
        String ann = graph.newUserStatus(app);
        String bob = graph.newUserStatus(app);
        String direct = createdId(Routes.deviceStatuses(app), "{}");
        String annsDevice = createdId(Routes.deviceStatuses(app, ann), "{}");
        String bobsDevice = createdId(Routes.deviceStatuses(app, bob), "{}");

        assertEquals(Set.of(direct, annsDevice, bobsDevice), ids(Routes.deviceStatuses(app)));
        assertEquals(Set.of(annsDevice), ids(Routes.deviceStatuses(app, ann)));
        assertEquals(Set.of(bobsDevice), ids(Routes.deviceStatuses(app, bob)));
        assertEquals(Set.of(), ids(Routes.deviceStatuses(graph.newApp())), "another app's is empty");
    }

    @Test
    void aCollectionNamesItsContext() {
        Answer list = graph.get(Routes.deviceStatuses(app));

        assertEquals(200, list.status());
        assertEquals(graph.uri("$metadata") + "#deviceAppManagement/mobileApps('" + app + "')/deviceStatuses",
                list.json().getString("@odata.context"));
        assertEquals(List.of(), list.json().getJsonArray("value"));
    }

    @Test
    void aStatusIsNotReachableUnderAnotherParent() {
        String id = createdId(Routes.deviceStatuses(app), "{}");
        String otherApp = graph.newApp();
        String user = graph.newUserStatus(app);

        Answer underOtherApp = graph.get(Routes.deviceStatus(otherApp, id));
        Answer underUser = graph.get(Routes.userStatus(app, user) + "/deviceStatuses/" + id);

        assertEquals(404, underOtherApp.status());
        assertEquals("ResourceNotFound", underOtherApp.errorCode());
        assertEquals(404, underUser.status(), "created on the app route, it belongs to no user");
    }

    @Test
    void leftOutPropertiesTakeTheMetadataDefaults() {
        JsonObject status = graph.post(Routes.deviceStatuses(app), "{}").json();

        assertEquals(0, status.getInt("errorCode"));
        assertEquals("unknown", status.getString("installState"));
        assertEquals("unknown", status.getString("mobileAppInstallStatusValue"));
        assertEquals("noAdditionalDetails", status.getString("installStateDetail"));
        assertEquals("0001-01-01T00:00:00Z", status.getString("lastSyncDateTime"));
        for (String nullable : List.of("deviceName", "deviceId", "osVersion", "osDescription", "userName",
                "userPrincipalName", "displayVersion")) {
            assertTrue(status.isNull(nullable), nullable + " is answered as null");
        }
    }

    @Test
    void theStateSentUnderOneNameAnswersUnderBoth() {
        JsonObject oldName = graph.post(Routes.deviceStatuses(app),
                "{\"mobileAppInstallStatusValue\":\"pendingInstall\"}").json();
        JsonObject newName = graph.post(Routes.deviceStatuses(app), "{\"installState\":\"installed\"}").json();

        assertEquals("pendingInstall", oldName.getString("installState"));
        assertEquals("installed", newName.getString("mobileAppInstallStatusValue"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-01-01T00:02:49.3205976-08:00", "2017-01-01T00:02:49Z", "2017-01-01T08:02:49.1+05:30",
            "2026-11-28T12:00:00.000000+00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999-14:00"})
    void lastSyncDateTimeComesBackExactlyAsItWentIn(String sent) {
        Answer created = graph.post(Routes.deviceStatuses(app), "{\"lastSyncDateTime\":\"" + sent + "\"}");

        assertEquals(201, created.status(), created.body());
        assertEquals(sent, created.json().getString("lastSyncDateTime"));
        String id = created.json().getString("id");
        assertEquals(sent, graph.get(Routes.deviceStatus(app, id)).json().getString("lastSyncDateTime"));
    }

    @Test
    void everyMemberOfResultantAppStateIsAccepted() {
        for (String state : List.of("notApplicable", "installed", "failed", "notInstalled", "uninstallFailed",
                "pendingInstall", "unknown")) {
            Answer created = graph.post(Routes.deviceStatuses(app), "{\"installState\":\"" + state + "\"}");
            assertEquals(201, created.status(), state + ": " + created.body());
            assertEquals(state, created.json().getString("installState"));
        }
    }

    @Test
    void anIdInTheBodyIsIgnored() {
        String mine = UUID.randomUUID().toString();

        Answer created = graph.post(Routes.deviceStatuses(app), "{\"id\":\"" + mine + "\"}");

        assertEquals(201, created.status());
        assertNotEquals(mine, created.json().getString("id"));
        assertEquals(404, graph.get(Routes.deviceStatus(app, mine)).status());
    }

    @Test
    void theUsersDeviceCountsFollowItsStatuses() {
        String user = graph.newUserStatus(app);
        String devices = Routes.deviceStatuses(app, user);
        for (String state : List.of("installed", "installed", "failed", "notInstalled", "pendingInstall")) {
            assertEquals(201, graph.post(devices, "{\"installState\":\"" + state + "\"}").status());
        }
        createdId(Routes.deviceStatuses(app), "{\"installState\":\"installed\"}"); // not the user's

        JsonObject counts = graph.get(Routes.userStatus(app, user)).json();

        assertEquals(2, counts.getInt("installedDeviceCount"));
        assertEquals(1, counts.getInt("failedDeviceCount"));
        assertEquals(1, counts.getInt("notInstalledDeviceCount"));
    }

    @Test
    void correlationHeadersAreEchoed() {
        String mine = UUID.randomUUID().toString();
        Answer answer = GraphClient.send(GraphClient.request(graph.uri(Routes.deviceStatuses(app)),
                Tokens.delegated(Tokens.READ_WRITE)).header("client-request-id", mine).GET());

        assertEquals(mine, answer.header("client-request-id"));
        String requestId = answer.header("request-id");
        assertEquals(requestId, UUID.fromString(requestId).toString());
        Answer withoutOne = graph.get(Routes.deviceStatuses(app));
        assertEquals(withoutOne.header("request-id"), withoutOne.header("client-request-id"));
        assertNotEquals(requestId, withoutOne.header("request-id"), "a new request-id for every request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/userStatuses/{user}"})
    void selectOnOneStatusAnswersOnlyThoseAndTheContextNamesThem(String parent) {
        String statuses = Routes.app(app) + parent.replace("{user}", graph.newUserStatus(app)) + "/deviceStatuses";
        String id = createdId(statuses, PAGE_EXAMPLE);

        Answer selected = graph.get(statuses + "/" + id + "?$select=deviceName,installState");

        assertEquals(200, selected.status(), selected.body());
        assertEquals(Set.of("@odata.context", "@odata.type", "id", "deviceName", "installState"), selected.json().keySet());
        assertEquals(graph.uri("$metadata") + "#" + context(statuses) + "(deviceName,installState)/$entity",
                selected.json().getString("@odata.context"));
        assertEquals("failed", selected.json().getString("installState"));
        assertEquals(graph.uri("$metadata") + "#" + context(statuses) + "/$entity",
                graph.get(statuses + "/" + id).json().getString("@odata.context"), "all properties: no list");
        for (String refused : List.of("$top=1", "$filter=errorCode%20eq%209", "$select=colour", "$search=x")) {
            Answer answer = graph.get(statuses + "/" + id + "?" + refused);
            assertEquals(400, answer.status(), refused + " → " + answer.body());
            assertEquals("BadRequest", answer.errorCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/userStatuses/{user}"})
    void theAppNavigationAnswersTheStatusesAppAsItsDerivedType(String parent) {
        String statuses = Routes.app(app) + parent.replace("{user}", graph.newUserStatus(app)) + "/deviceStatuses";
        String id = createdId(statuses, "{}");

        Answer navigated = graph.get(statuses + "/" + id + "/app");

        assertEquals(200, navigated.status(), navigated.body());
        assertEquals(graph.get(Routes.app(app)).json(), navigated.json(), "the app, as GET of the app answers it");
        assertEquals("#microsoft.graph.webApp", navigated.json().getString("@odata.type"));
        String missing = UUID.randomUUID().toString();
        Answer notThere = graph.get(statuses + "/" + missing + "/app");
        assertEquals(404, notThere.status(), notThere.body());
        assertEquals("ResourceNotFound", notThere.errorCode());
        assertEquals(404, graph.get(Routes.deviceStatus(graph.newApp(), id) + "/app").status(),
                "not under another app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/userStatuses/{user}"})
    void expandAppEmbedsTheAppInTheCollectionAndTheEntity(String parent) {
        String statuses = Routes.app(app) + parent.replace("{user}", graph.newUserStatus(app)) + "/deviceStatuses";
        String id = createdId(statuses, "{}");
        JsonObject theApp = graph.get(Routes.app(app)).json();

        Answer list = graph.get(statuses + "?$expand=app");
        assertEquals(200, list.status(), list.body());
        JsonObject listed = list.json().getJsonArray("value").getJsonObject(0);
        assertEquals(app, listed.getJsonObject("app").getString("id"));
        assertEquals("#microsoft.graph.webApp", listed.getJsonObject("app").getString("@odata.type"));
        assertEquals(theApp.getString("displayName"), listed.getJsonObject("app").getString("displayName"));
        assertEquals(graph.uri("$metadata") + "#" + context(statuses) + "(app())", list.json().getString("@odata.context"));

        Answer one = graph.get(statuses + "/" + id + "?$select=deviceName&$expand=app");
        assertEquals(200, one.status(), one.body());
        assertEquals(Set.of("@odata.context", "@odata.type", "id", "deviceName", "app"), one.json().keySet());
        assertEquals(app, one.json().getJsonObject("app").getString("id"));
        assertEquals(graph.uri("$metadata") + "#" + context(statuses) + "(deviceName,app())/$entity",
                one.json().getString("@odata.context"));

        assertTrue(!graph.get(statuses + "/" + id).json().containsKey("app"), "only when asked");
        for (String path : List.of(statuses + "?$expand=user", statuses + "/" + id + "?$expand=app,user")) {
            Answer refused = graph.get(path);
            assertEquals(400, refused.status(), path + " → " + refused.body());
            assertTrue(refused.errorMessage().contains("'user'"), refused.errorMessage());
        }
    }

    @Test
    void answersCarryGraphsODataHeaders() {
        String json = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
        String statuses = Routes.deviceStatuses(app);
        Answer created = graph.post(statuses, PAGE_EXAMPLE);
        String id = created.json().getString("id");
        for (Answer answer : List.of(created, graph.get(statuses), graph.get(statuses + "/" + id),
                graph.patch(statuses + "/" + id, "{\"errorCode\":1}"), graph.get(statuses + "/" + UUID.randomUUID()))) {
            assertEquals("4.0", answer.header("OData-Version"), answer.body());
            assertEquals(json, answer.header("Content-Type"), answer.body());
        }
        Answer count = graph.get(statuses + "/$count");
        assertEquals("4.0", count.header("OData-Version"));
        assertTrue(count.header("Content-Type").startsWith("text/plain"), count.header("Content-Type"));
        assertEquals("4.0", graph.delete(statuses + "/" + id).header("OData-Version"));
    }

    /** The Graph path of a collection: {@code deviceAppManagement/mobileApps('id')/...}. */
    private static String context(String path) {
        return path.replaceAll("(mobileApps|userStatuses)/([^/]+)", "$1('$2')");
    }

    private String createdId(String path, String body) {
        Answer created = graph.post(path, body);
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private Set<String> ids(String collection) {
        return Set.copyOf(idsInOrder(collection));
    }

    private List<String> idsInOrder(String collection) {
        Answer list = graph.get(collection);
        assertEquals(200, list.status(), list.body());
        return list.json().getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .map(status -> status.getString("id")).toList();
    }

    private static void assertPageExample(JsonObject status) {
        assertEquals("#microsoft.graph.mobileAppInstallStatus", status.getString("@odata.type"));
        assertEquals("Device Name value", status.getString("deviceName"));
        assertEquals("Device Id value", status.getString("deviceId"));
        assertEquals("2017-01-01T00:02:49.3205976-08:00", status.getString("lastSyncDateTime"));
        assertEquals("failed", status.getString("mobileAppInstallStatusValue"));
        assertEquals("failed", status.getString("installState"));
        assertEquals("seeInstallErrorCode", status.getString("installStateDetail"));
        assertEquals(9, status.getInt("errorCode"));
        assertEquals("Os Version value", status.getString("osVersion"));
        assertEquals("Os Description value", status.getString("osDescription"));
        assertEquals("User Name value", status.getString("userName"));
        assertEquals("User Principal Name value", status.getString("userPrincipalName"));
        assertEquals("1.2.3", status.getString("displayVersion"));
        assertEquals(15, status.size(), "context, type and the thirteen properties (id among them): " + status.keySet());
    }
}
