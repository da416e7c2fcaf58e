package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary;

import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.DeviceStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppStateDetail;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphType;

/**
 * The wire form of {@code microsoft.graph.mobileAppInstallStatus}: its thirteen properties as the beta
 * metadata defines them, in the order Graph writes them. Defaults for what a client leaves out: errorCode 0,
 * installStateDetail {@code noAdditionalDetails} (member 0), lastSyncDateTime {@code 0001-01-01T00:00:00Z}
 * (Graph's unset DateTimeOffset), and for the two resultantAppState properties, which carry the same state
 * under an old and a new name, the one the client sent, else {@code unknown}.
 */
public final class MobileAppInstallStatusJson {

    private static final String STATE = "microsoft.graph.resultantAppState";

    public static final GraphType<DeviceStatus> FORM = GraphType.of("microsoft.graph.mobileAppInstallStatus", DeviceStatus::getId,
                    DeviceStatus::new)
            .string("deviceName", DeviceStatus::getDeviceName, DeviceStatus::setDeviceName, MobileApp.TEXT)
            .string("deviceId", DeviceStatus::getDeviceId, DeviceStatus::setDeviceId, MobileApp.TEXT)
            .dateTimeOffset("lastSyncDateTime", DeviceStatus::getLastSyncDateTime, DeviceStatus::setLastSyncDateTime,
                    DateTimeOffset.MIN, "lastSyncTicks")
            .member("mobileAppInstallStatusValue", ResultantAppState.class, STATE,
                    DeviceStatus::getMobileAppInstallStatusValue, DeviceStatus::setMobileAppInstallStatusValue,
                    ResultantAppState.unknown)
            .member("installState", ResultantAppState.class, STATE,
                    DeviceStatus::getInstallState, DeviceStatus::setInstallState, ResultantAppState.unknown)
            .member("installStateDetail", ResultantAppStateDetail.class, "microsoft.graph.resultantAppStateDetail",
                    DeviceStatus::getInstallStateDetail, DeviceStatus::setInstallStateDetail,
                    ResultantAppStateDetail.noAdditionalDetails)
            .int32("errorCode", DeviceStatus::getErrorCode, DeviceStatus::setErrorCode, 0)
            .string("osVersion", DeviceStatus::getOsVersion, DeviceStatus::setOsVersion, MobileApp.TEXT)
            .string("osDescription", DeviceStatus::getOsDescription, DeviceStatus::setOsDescription, MobileApp.TEXT)
            .string("userName", DeviceStatus::getUserName, DeviceStatus::setUserName, MobileApp.TEXT)
            .string("userPrincipalName", DeviceStatus::getUserPrincipalName, DeviceStatus::setUserPrincipalName, MobileApp.TEXT)
            .string("displayVersion", DeviceStatus::getDisplayVersion, DeviceStatus::setDisplayVersion, MobileApp.TEXT)
            .rule(MobileAppInstallStatusJson::mirrorStates)
            .build();

    private MobileAppInstallStatusJson() {
    }

    /** One state under an old and a new name: a body that names only one of them sets both. */
    private static void mirrorStates(EntityBody body, DeviceStatus status) {
        if (body.has("installState") && !body.has("mobileAppInstallStatusValue")) {
            status.setMobileAppInstallStatusValue(status.getInstallState());
        } else if (body.has("mobileAppInstallStatusValue") && !body.has("installState")) {
            status.setInstallState(status.getMobileAppInstallStatusValue());
        }
    }
}
