package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary;

import static org.graphstatus.odata.EntityBody.orDefault;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.DeviceStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppStateDetail;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.Json;
import org.graphstatus.odata.options.QueryModel;
import org.graphstatus.odata.options.QueryProperty;

/**
 * The wire form of {@code microsoft.graph.mobileAppInstallStatus}: its thirteen properties as the beta
 * metadata defines them. Defaults for what a client leaves out: errorCode 0, installStateDetail
 * {@code noAdditionalDetails} (member 0), lastSyncDateTime {@code 0001-01-01T00:00:00Z} (Graph's unset
 * DateTimeOffset), and for the two resultantAppState properties, which carry the same state under an old
 * and a new name, the one the client sent, else {@code unknown}.
 */
public final class MobileAppInstallStatusJson {

    public static final String TYPE = "microsoft.graph.mobileAppInstallStatus";

    public static final Set<String> PROPERTIES = Set.of("id", "deviceName", "deviceId", "lastSyncDateTime",
            "mobileAppInstallStatusValue", "installState", "installStateDetail", "errorCode", "osVersion",
            "osDescription", "userName", "userPrincipalName", "displayVersion");

    /** What {@code $filter} and {@code $orderby} may name: every property, each mapped to its attribute. */
    public static final QueryModel QUERY = new QueryModel(TYPE, List.of(
            QueryProperty.string("deviceName", "deviceName", true),
            QueryProperty.string("deviceId", "deviceId", true),
            QueryProperty.string("displayVersion", "displayVersion", true),
            QueryProperty.string("osVersion", "osVersion", true),
            QueryProperty.string("osDescription", "osDescription", true),
            QueryProperty.string("userName", "userName", true),
            QueryProperty.string("userPrincipalName", "userPrincipalName", true),
            QueryProperty.int32("errorCode", "errorCode", false),
            QueryProperty.member("installState", "installState", ResultantAppState.class, "microsoft.graph.resultantAppState"),
            QueryProperty.member("mobileAppInstallStatusValue", "mobileAppInstallStatusValue", ResultantAppState.class,
                    "microsoft.graph.resultantAppState"),
            QueryProperty.member("installStateDetail", "installStateDetail", ResultantAppStateDetail.class,
                    "microsoft.graph.resultantAppStateDetail"),
            QueryProperty.dateTimeOffset("lastSyncDateTime", "lastSyncTicks")));

    private static final Map<String, BiConsumer<DeviceStatus, String>> STRINGS = Map.of(
            "deviceName", DeviceStatus::setDeviceName,
            "deviceId", DeviceStatus::setDeviceId,
            "displayVersion", DeviceStatus::setDisplayVersion,
            "osVersion", DeviceStatus::setOsVersion,
            "osDescription", DeviceStatus::setOsDescription,
            "userName", DeviceStatus::setUserName,
            "userPrincipalName", DeviceStatus::setUserPrincipalName);

    private MobileAppInstallStatusJson() {
    }

    /** A new status from a create body; its {@code id}, if sent, is ignored: the server makes keys. */
    public static DeviceStatus read(JsonObject json) {
        var status = new DeviceStatus();
        status.setErrorCode(0);
        status.setLastSyncDateTime(DateTimeOffset.MIN);
        status.setInstallStateDetail(ResultantAppStateDetail.noAdditionalDetails);
        status.setInstallState(ResultantAppState.unknown);
        status.setMobileAppInstallStatusValue(ResultantAppState.unknown);
        apply(body(json), status);
        return status;
    }

    /** Changes only the properties the body names; {@code id} cannot be changed. */
    public static void update(JsonObject json, DeviceStatus status) {
        apply(body(json).readOnly("id"), status);
    }

    private static EntityBody body(JsonObject json) {
        return EntityBody.of(json, TYPE, PROPERTIES).nonNullable("errorCode", "installState",
                "installStateDetail", "lastSyncDateTime", "mobileAppInstallStatusValue");
    }

    private static void apply(EntityBody body, DeviceStatus status) {
        STRINGS.forEach((name, setter) -> {
            if (body.has(name)) {
                setter.accept(status, body.string(name, MobileApp.TEXT));
            }
        });
        if (body.has("errorCode")) {
            status.setErrorCode(body.int32("errorCode"));
        }
        if (body.has("lastSyncDateTime")) {
            status.setLastSyncDateTime(body.dateTimeOffset("lastSyncDateTime"));
        }
        if (body.has("installStateDetail")) {
            status.setInstallStateDetail(body.member("installStateDetail", ResultantAppStateDetail.class,
                    "microsoft.graph.resultantAppStateDetail"));
        }
        // One state under an old and a new name: a body that names one of them sets both.
        ResultantAppState installState = body.member("installState", ResultantAppState.class,
                "microsoft.graph.resultantAppState");
        ResultantAppState statusValue = body.member("mobileAppInstallStatusValue", ResultantAppState.class,
                "microsoft.graph.resultantAppState");
        if (installState != null || statusValue != null) {
            status.setInstallState(orDefault(installState, statusValue));
            status.setMobileAppInstallStatusValue(orDefault(statusValue, installState));
        }
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
}
