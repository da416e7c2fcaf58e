package org.graphstatus.deviceappmanagement.mobileapps.userstatuses;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** userAppInstallStatus under an app, with counts that only the device statuses decide. */
class UserStatusesIT extends DeployedService {

    String users;

    @BeforeEach
    void newApp() {
        users = Routes.userStatuses(graph.newApp());
    }

    @Test
    void createsAndReadsAUserStatus() {
        Answer created = graph.post(users, """
                {"@odata.type": "#microsoft.graph.userAppInstallStatus", "userName": "Ann Example",
                 "userPrincipalName": "ann@contoso.example", "installedDeviceCount": 40}""");

        assertEquals(201, created.status(), created.body());
        JsonObject user = created.json();
        assertEquals(graph.uri(users + "/" + user.getString("id")).toString(), created.header("Location"));
        assertEquals("#microsoft.graph.userAppInstallStatus", user.getString("@odata.type"));
        assertEquals("Ann Example", user.getString("userName"));
        assertEquals("ann@contoso.example", user.getString("userPrincipalName"));
        assertEquals(0, user.getInt("installedDeviceCount"), "read-only: counted, not taken from the body");
        assertEquals(user, graph.get(users + "/" + user.getString("id")).json());
    }

    @Test
    void anIdInTheBodyIsIgnored() {
        Answer created = graph.post(users, "{\"id\":\"mine\"}");

        assertEquals(201, created.status());
        assertNotEquals("mine", created.json().getString("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userName\":1}", "{\"mail\":\"ann@contoso.example\"}",
            "{\"installedDeviceCount\":\"many\"}", "{\"@odata.type\":\"#microsoft.graph.mobileAppInstallStatus\"}", "[]"})
    void aBadUserStatusIs400(String body) {
        Answer answer = graph.post(users, body);

        assertEquals(400, answer.status(), answer.body());
        assertEquals("BadRequest", answer.errorCode());
    }

    @Test
    void anUnknownAppOrUserIs404() {
        assertEquals(404, graph.post(APPS + "/8d0e9a49-0000-4000-8000-000000000000/userStatuses", "{}").status());
        assertEquals(404, graph.get(users + "/8d0e9a49-0000-4000-8000-000000000000").status());
    }

    @Test
    void patchRenamesAndKeepsTheCounts() {
        String id = graph.newUserStatus(appId());
        graph.post(users + "/" + id + "/deviceStatuses", "{\"installState\":\"installed\"}");

        Answer patched = graph.patch(users + "/" + id, "{\"userPrincipalName\": \"ann@contoso.example\"}");

        assertEquals(200, patched.status(), patched.body());
        assertEquals("Test user", patched.json().getString("userName"), "not sent, not changed");
        assertEquals("ann@contoso.example", patched.json().getString("userPrincipalName"));
        assertEquals(1, patched.json().getInt("installedDeviceCount"));
        assertEquals(patched.json(), graph.get(users + "/" + id).json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"x\"}", "{\"installedDeviceCount\":\"3\"}", "{\"userName\":true}", "{\"mail\":\"x\"}"})
    void aPatchOfAnotherKeyOrAWrongValueIs400(String body) {
        String id = graph.newUserStatus(appId());

        Answer answer = graph.patch(users + "/" + id, body);

        assertEquals(400, answer.status(), answer.body());
        assertEquals("Test user", graph.get(users + "/" + id).json().getString("userName"));
    }

    @Test
    void deletingAUserStatusDeletesItsDeviceStatusesOnly() {
        String ann = graph.newUserStatus(appId());
        String bob = graph.newUserStatus(appId());
        String annsDevice = graph.post(users + "/" + ann + "/deviceStatuses", "{}").json().getString("id");
        String bobsDevice = graph.post(users + "/" + bob + "/deviceStatuses", "{}").json().getString("id");

        assertEquals(204, graph.delete(users + "/" + ann).status());

        assertEquals(404, graph.get(users + "/" + ann).status());
        String appDevices = Routes.app(appId()) + "/deviceStatuses/";
        assertEquals(404, graph.get(appDevices + annsDevice).status(), "contained: deleted with its user");
        assertEquals(200, graph.get(appDevices + bobsDevice).status());
        assertEquals(200, graph.get(users + "/" + bob).status());
    }

    private String appId() {
        return users.split("/")[2];
    }

    @Test
    void listsTheAppsUsersWithQueryOptionsAndCounts() {
        for (String name : List.of("Cleo", "Ann", "Bob")) {
            String id = graph.post(users, "{\"userName\":\"" + name + "\"}").json().getString("id");
            graph.post(users + "/" + id + "/deviceStatuses", "{\"installState\":\"failed\"}");
        }

        Answer list = graph.get(users + "?$orderby=userName%20desc&$filter=userName%20ne%20'Bob'&$count=true");

        assertEquals(200, list.status(), list.body());
        assertEquals(2, list.json().getInt("@odata.count"));
        List<JsonObject> value = list.json().getJsonArray("value").getValuesAs(JsonObject.class);
        assertEquals(List.of("Cleo", "Ann"), value.stream().map(u -> u.getString("userName")).toList());
        assertEquals(List.of(1, 1), value.stream().map(u -> u.getInt("failedDeviceCount")).toList(), "counted in the list too");
        assertEquals(400, graph.get(users + "?$filter=installedDeviceCount%20gt%200").status(), "counts are not stored");
    }

    @Test
    void countSegmentsAnswerTheUsersAndAUsersDevicesAsPlainText() {
        String ann = graph.post(users, "{\"userName\":\"Ann\"}").json().getString("id");
        graph.post(users, "{\"userName\":\"Bob\"}");
        graph.post(users, "{\"userName\":\"Cleo\"}");
        for (String state : List.of("failed", "installed", "failed")) {
            graph.post(users + "/" + ann + "/deviceStatuses", "{\"installState\":\"" + state + "\"}");
        }

        assertCount("3", users + "/$count");
        assertCount("2", users + "/$count?$filter=userName%20ne%20'Bob'");
        assertCount("3", users + "/" + ann + "/deviceStatuses/$count");
        assertCount("2", users + "/" + ann + "/deviceStatuses/$count?$filter=installState%20eq%20'failed'");
        assertEquals(400, graph.get(users + "/$count?$top=1").status());
        String missing = "8d0e9a49-0000-4000-8000-000000000000";
        assertEquals(404, graph.get(Routes.app(missing) + "/userStatuses/$count").status(), "the parent must exist");
        Answer noUser = graph.get(users + "/" + missing + "/deviceStatuses/$count");
        assertEquals(404, noUser.status(), noUser.body());
        assertEquals("ResourceNotFound", noUser.errorCode());
    }

    @Test
    void theAppNavigationAndExpandAnswerTheUsersApp() {
        String ann = graph.post(users, "{\"userName\":\"Ann\"}").json().getString("id");
        JsonObject app = graph.get(Routes.app(appId())).json();

        Answer navigated = graph.get(users + "/" + ann + "/app");
        assertEquals(200, navigated.status(), navigated.body());
        assertEquals(app, navigated.json());
        assertEquals(404, graph.get(users + "/8d0e9a49-0000-4000-8000-000000000000/app").status());

        Answer list = graph.get(users + "?$expand=app&$select=userName");
        assertEquals(200, list.status(), list.body());
        JsonObject user = list.json().getJsonArray("value").getJsonObject(0);
        assertEquals(appId(), user.getJsonObject("app").getString("id"));
        assertEquals("#microsoft.graph.webApp", user.getJsonObject("app").getString("@odata.type"));
        assertTrue(list.json().getString("@odata.context").endsWith("/userStatuses(userName,app())"),
                list.json().getString("@odata.context"));
        JsonObject one = graph.get(users + "/" + ann + "?$expand=app").json();
        assertEquals(appId(), one.getJsonObject("app").getString("id"));
        assertEquals(0, one.getInt("installedDeviceCount"), "every property besides the app");
        Answer refused = graph.get(users + "?$expand=deviceStatuses");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.errorMessage().contains("'deviceStatuses'"), refused.errorMessage());
    }

    private void assertCount(String expected, String path) {
        Answer answer = graph.get(path);
        assertEquals(200, answer.status(), path + " → " + answer.body());
        assertEquals(expected, answer.body(), path);
        assertTrue(answer.header("Content-Type").startsWith("text/plain"), answer.header("Content-Type"));
    }
}
