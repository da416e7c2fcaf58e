package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary;

import static org.graphstatus.odata.EntityBody.orDefault;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.DeviceStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppStateDetail;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.Json;

/**
 * The wire form of {@code microsoft.graph.mobileAppInstallStatus}: its thirteen properties as the beta
 * metadata defines them. Defaults for what a client leaves out: errorCode 0, installStateDetail
 * {@code noAdditionalDetails} (member 0), lastSyncDateTime {@code 0001-01-01T00:00:00Z} (Graph's unset
 * DateTimeOffset), and for the two resultantAppState properties, which carry the same state under an old
 * and a new name, the one the client sent, else {@code unknown}.
 */
public final class MobileAppInstallStatusJson {

    public static final String TYPE = "microsoft.graph.mobileAppInstallStatus";

    private static final Set<String> PROPERTIES = Set.of("id", "deviceName", "deviceId", "lastSyncDateTime",
            "mobileAppInstallStatusValue", "installState", "installStateDetail", "errorCode", "osVersion",
            "osDescription", "userName", "userPrincipalName", "displayVersion");

    private MobileAppInstallStatusJson() {
    }

    /** A new status from a create body; its {@code id}, if sent, is ignored: the server makes keys. */
    public static DeviceStatus read(JsonObject json) {
        EntityBody body = EntityBody.of(json, TYPE, PROPERTIES).nonNullable("errorCode", "installState",
                "installStateDetail", "lastSyncDateTime", "mobileAppInstallStatusValue");
        var status = new DeviceStatus();
        status.setDeviceName(body.string("deviceName", MobileApp.TEXT));
        status.setDeviceId(body.string("deviceId", MobileApp.TEXT));
        status.setDisplayVersion(body.string("displayVersion", MobileApp.TEXT));
        status.setOsVersion(body.string("osVersion", MobileApp.TEXT));
        status.setOsDescription(body.string("osDescription", MobileApp.TEXT));
        status.setUserName(body.string("userName", MobileApp.TEXT));
        status.setUserPrincipalName(body.string("userPrincipalName", MobileApp.TEXT));
        status.setErrorCode(orDefault(body.int32("errorCode"), 0));
        status.setLastSyncDateTime(orDefault(body.dateTimeOffset("lastSyncDateTime"), DateTimeOffset.MIN));
        status.setInstallStateDetail(orDefault(body.member("installStateDetail", ResultantAppStateDetail.class,
                "microsoft.graph.resultantAppStateDetail"), ResultantAppStateDetail.noAdditionalDetails));
        ResultantAppState installState = body.member("installState", ResultantAppState.class,
                "microsoft.graph.resultantAppState");
        ResultantAppState statusValue = body.member("mobileAppInstallStatusValue", ResultantAppState.class,
                "microsoft.graph.resultantAppState");
        status.setInstallState(orDefault(installState, orDefault(statusValue, ResultantAppState.unknown)));
        status.setMobileAppInstallStatusValue(orDefault(statusValue, orDefault(installState, ResultantAppState.unknown)));
        return status;
    }

    public static JsonObjectBuilder write(DeviceStatus status) {
        return Json.object()
                .add(EntityBody.ODATA_TYPE, "#" + TYPE)
                .add("id", status.getId())
                .add("deviceName", Json.string(status.getDeviceName()))
                .add("deviceId", Json.string(status.getDeviceId()))
                .add("lastSyncDateTime", status.getLastSyncDateTime().text())
                .add("mobileAppInstallStatusValue", status.getMobileAppInstallStatusValue().name())
                .add("installState", status.getInstallState().name())
                .add("installStateDetail", status.getInstallStateDetail().name())
                .add("errorCode", status.getErrorCode())
                .add("osVersion", Json.string(status.getOsVersion()))
                .add("osDescription", Json.string(status.getOsDescription()))
                .add("userName", Json.string(status.getUserName()))
                .add("userPrincipalName", Json.string(status.getUserPrincipalName()))
                .add("displayVersion", Json.string(status.getDisplayVersion()));
    }

    public static JsonArray write(List<DeviceStatus> statuses) {
        var array = Json.PROVIDER.createArrayBuilder();
        statuses.forEach(status -> array.add(write(status)));
        return array.build();
    }
}
