package org.graphstatus.deviceappmanagement.mobileapps.installsummary;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.Map;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;

/** An app's installSummary: all ten counts, following every create, update and delete of its statuses. */
class InstallSummaryIT extends DeployedService {

    @Test
    void countsDevicesAndUsersByState() {
        String app = graph.newApp();
        String ann = graph.newUserStatus(app);
        String bob = graph.newUserStatus(app);
        graph.newUserStatus(app); // a user without devices counts nowhere
        create(app, ann, "installed");
        create(app, ann, "failed"); // Ann: failed, her worst device
        create(app, bob, "installed");
        create(app, bob, "installed"); // Bob: installed
        create(app, null, "pendingInstall"); // a device of no user
        create(app, null, "notApplicable");
        String last = create(app, null, "notInstalled");

        assertEquals(Map.of("installedDeviceCount", 3, "failedDeviceCount", 1, "pendingInstallDeviceCount", 1,
                "notApplicableDeviceCount", 1, "notInstalledDeviceCount", 1, "installedUserCount", 1,
                "failedUserCount", 1, "pendingInstallUserCount", 0, "notApplicableUserCount", 0,
                "notInstalledUserCount", 0), counts(app));

        assertEquals(200, graph.patch(Routes.deviceStatus(app, last), "{\"installState\":\"installed\"}").status());
        assertEquals(204, graph.delete(Routes.userStatus(app, ann)).status()); // with her two devices
        assertEquals(Map.of("installedDeviceCount", 3, "failedDeviceCount", 0, "pendingInstallDeviceCount", 1,
                "notApplicableDeviceCount", 1, "notInstalledDeviceCount", 0, "installedUserCount", 1,
                "failedUserCount", 0, "pendingInstallUserCount", 0, "notApplicableUserCount", 0,
                "notInstalledUserCount", 0), counts(app));
    }

    @Test
    void theSummaryOfAnAppThatDoesNotExistIs404() {
        Answer answer = graph.get(APPS + "/no-such-app/installSummary");

        assertEquals(404, answer.status(), answer.body());
        assertEquals("ResourceNotFound", answer.errorCode());
    }

    private String create(String app, String user, String state) {
        String route = Routes.app(app) + (user == null ? "" : "/userStatuses/" + user) + "/deviceStatuses";
        Answer created = graph.post(route, "{\"installState\":\"" + state + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private Map<String, Integer> counts(String app) {
        Answer answer = graph.get(Routes.installSummary(app));
        assertEquals(200, answer.status(), answer.body());
        JsonObject summary = answer.json();
        assertEquals("#microsoft.graph.mobileAppInstallSummary", summary.getString("@odata.type"));
        assertEquals(graph.uri("$metadata").toString() + "#deviceAppManagement/mobileApps('" + app
                + "')/installSummary/$entity", summary.getString("@odata.context"));
        var counts = new java.util.HashMap<String, Integer>();
        summary.forEach((name, value) -> {
            if (name.endsWith("Count")) {
                counts.put(name, summary.getInt(name));
            }
        });
        return counts;
    }
}
