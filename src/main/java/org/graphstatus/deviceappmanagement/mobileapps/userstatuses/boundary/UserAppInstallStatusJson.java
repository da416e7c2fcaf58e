package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.Json;
import org.graphstatus.odata.options.QueryModel;
import org.graphstatus.odata.options.QueryProperty;

/**
 * The wire form of {@code microsoft.graph.userAppInstallStatus}. The three device counts are read-only:
 * accepted in a create body like {@code id} (clients echo what they read) and ignored, then answered from
 * the user's device statuses.
 */
public final class UserAppInstallStatusJson {

    public static final String TYPE = "microsoft.graph.userAppInstallStatus";

    /** The counts are not stored, so only the names can be filtered and ordered on; all can be selected. */
    public static final QueryModel QUERY = new QueryModel(TYPE, List.of(
            QueryProperty.string("userName", "userName", true),
            QueryProperty.string("userPrincipalName", "userPrincipalName", true)));

    public static final Set<String> PROPERTIES = Set.of("id", "userName", "userPrincipalName",
            "installedDeviceCount", "failedDeviceCount", "notInstalledDeviceCount");

    private UserAppInstallStatusJson() {
    }

    public static UserAppInstallStatus read(JsonObject json) {
        EntityBody body = EntityBody.of(json, TYPE, PROPERTIES);
        body.int32("installedDeviceCount"); // type-checked, then ignored
        body.int32("failedDeviceCount");
        body.int32("notInstalledDeviceCount");
        var status = new UserAppInstallStatus();
        status.setUserName(body.string("userName", MobileApp.TEXT));
        status.setUserPrincipalName(body.string("userPrincipalName", MobileApp.TEXT));
        return status;
    }

    /** Changes the names the body sends; the key and the counts, which the server keeps, cannot be sent. */
    public static void update(JsonObject json, UserAppInstallStatus status) {
        EntityBody body = EntityBody.of(json, TYPE, PROPERTIES).readOnly("id", "installedDeviceCount",
                "failedDeviceCount", "notInstalledDeviceCount");
        if (body.has("userName")) {
            status.setUserName(body.string("userName", MobileApp.TEXT));
        }
        if (body.has("userPrincipalName")) {
            status.setUserPrincipalName(body.string("userPrincipalName", MobileApp.TEXT));
        }
    }

    public static JsonObjectBuilder write(UserAppInstallStatus status, Map<ResultantAppState, Long> deviceCounts) {
        return Json.object()
                .add(EntityBody.ODATA_TYPE, "#" + TYPE)
                .add("id", status.getId())
                .add("userName", Json.string(status.getUserName()))
                .add("userPrincipalName", Json.string(status.getUserPrincipalName()))
                .add("installedDeviceCount", deviceCounts.getOrDefault(ResultantAppState.installed, 0L))
                .add("failedDeviceCount", deviceCounts.getOrDefault(ResultantAppState.failed, 0L))
                .add("notInstalledDeviceCount", deviceCounts.getOrDefault(ResultantAppState.notInstalled, 0L));
    }
}
