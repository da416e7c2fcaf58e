package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PATCH and DELETE of mobileAppInstallStatus on both of its routes, which show one and the same status. */
class UpdateAndDeleteIT extends DeployedService {

    String app;
    String appRoute;
    String userRoute;
    JsonObject status;

    @BeforeEach
    void aStatusUnderAUser() {
        app = graph.newApp();
        appRoute = Routes.deviceStatuses(app);
        userRoute = Routes.deviceStatuses(app, graph.newUserStatus(app));
        Answer created = graph.post(userRoute, """
                {"deviceName": "laptop", "deviceId": "d-1", "osVersion": "10.0", "errorCode": 5,
                 "installState": "failed", "installStateDetail": "seeInstallErrorCode",
                 "lastSyncDateTime": "2017-01-01T00:02:49.3205976-08:00"}""");
        assertEquals(201, created.status(), created.body());
        status = created.json();
    }

    @Test
    void patchChangesOnlyWhatItSends() {
        Answer patched = graph.patch(appRoute + "/" + id(), """
                {"deviceName": "renamed", "osVersion": null, "errorCode": 0}""");

        assertEquals(200, patched.status(), patched.body());
        JsonObject after = patched.json();
        assertEquals("renamed", after.getString("deviceName"));
        assertTrue(after.isNull("osVersion"));
        assertEquals(0, after.getInt("errorCode"));
        for (String unchanged : new String[] {"id", "deviceId", "installState", "installStateDetail",
                "mobileAppInstallStatusValue", "lastSyncDateTime", "userName", "displayVersion"}) {
            assertEquals(status.get(unchanged), after.get(unchanged), unchanged);
        }
        assertEquals(after, graph.get(appRoute + "/" + id()).json(), "stored");
        JsonObject viaUser = graph.get(userRoute + "/" + id()).json();
        after.forEach((name, value) -> {
            if (!name.equals("@odata.context")) { // names the route
                assertEquals(value, viaUser.get(name), "the same through the user's route: " + name);
            }
        });
    }

    @Test
    void oneStateUnderTwoNamesChangesTogether() {
        JsonObject after = graph.patch(userRoute + "/" + id(), "{\"installState\": \"installed\"}").json();

        assertEquals("installed", after.getString("installState"));
        assertEquals("installed", after.getString("mobileAppInstallStatusValue"));
        assertEquals("seeInstallErrorCode", after.getString("installStateDetail"), "not sent, not changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": \"other\"}", "{\"errorCode\": null}", "{\"installState\": \"broken\"}",
            "{\"lastSyncDateTime\": \"2017-01-01T00:02:49\"}", "{\"color\": \"red\"}", "{\"errorCode\": \"5\"}", "[]"})
    void aBadPatchIs400AndChangesNothing(String body) {
        Answer answer = graph.patch(appRoute + "/" + id(), body);

        assertEquals(400, answer.status(), answer.body());
        assertEquals("BadRequest", answer.errorCode());
        assertEquals(status.get("deviceName"), graph.get(appRoute + "/" + id()).json().get("deviceName"));
        assertEquals(status.get("errorCode"), graph.get(appRoute + "/" + id()).json().get("errorCode"));
    }

    @Test
    void deletedThroughOneRouteIsGoneFromBoth() {
        Answer deleted = graph.delete(userRoute + "/" + id());

        assertEquals(204, deleted.status(), deleted.body());
        assertEquals("", deleted.body());
        assertEquals(404, graph.get(appRoute + "/" + id()).status());
        assertEquals(404, graph.get(userRoute + "/" + id()).status());
        assertEquals(404, graph.delete(appRoute + "/" + id()).status(), "a second delete finds nothing");
        assertEquals(404, graph.patch(appRoute + "/" + id(), "{}").status());
    }

    @Test
    void anotherAppsRouteCannotReachIt() {
        String otherApp = Routes.deviceStatus(graph.newApp(), id());

        assertEquals(404, graph.patch(otherApp, "{\"deviceName\": \"x\"}").status());
        assertEquals(404, graph.delete(otherApp).status());
        assertEquals("laptop", graph.get(appRoute + "/" + id()).json().getString("deviceName"));
    }

    private String id() {
        return status.getString("id");
    }
}
