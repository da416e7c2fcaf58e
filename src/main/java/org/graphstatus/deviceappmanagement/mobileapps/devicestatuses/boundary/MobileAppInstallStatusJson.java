package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary;

import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppStateDetail;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.types.GraphType;

/**
 * The wire form of {@code microsoft.graph.mobileAppInstallStatus}: its thirteen properties as the beta
 * metadata defines them, in the order Graph writes them. Defaults for what a client leaves out: errorCode 0,
 * installStateDetail {@code noAdditionalDetails} (member 0), lastSyncDateTime {@code 0001-01-01T00:00:00Z}
 * (Graph's unset DateTimeOffset), and for the two resultantAppState properties, which carry the same state
 * under an old and a new name, the one the client sent, else {@code unknown}.
 */
public final class MobileAppInstallStatusJson {

    private static final String STATE = "microsoft.graph.resultantAppState";

    public static final GraphType<MobileAppInstallStatus> PROPERTIES = GraphType.of("microsoft.graph.mobileAppInstallStatus", MobileAppInstallStatus::getId,
                    MobileAppInstallStatus::new)
            .string("deviceName", MobileAppInstallStatus::getDeviceName, MobileAppInstallStatus::setDeviceName, MobileAppInstallStatus.TEXT)
            .string("deviceId", MobileAppInstallStatus::getDeviceId, MobileAppInstallStatus::setDeviceId, MobileAppInstallStatus.TEXT)
            .dateTimeOffset("lastSyncDateTime", status -> new DateTimeOffset(status.getLastSyncDateTime(), status.getLastSyncTicks()),
                    (status, time) -> status.setLastSync(time.text(), time.ticks()), DateTimeOffset.MIN, "lastSyncTicks")
            .member("mobileAppInstallStatusValue", ResultantAppState.class, STATE,
                    MobileAppInstallStatus::getMobileAppInstallStatusValue, MobileAppInstallStatus::setMobileAppInstallStatusValue,
                    ResultantAppState.unknown)
            .member("installState", ResultantAppState.class, STATE,
                    MobileAppInstallStatus::getInstallState, MobileAppInstallStatus::setInstallState, ResultantAppState.unknown)
            .member("installStateDetail", ResultantAppStateDetail.class, "microsoft.graph.resultantAppStateDetail",
                    MobileAppInstallStatus::getInstallStateDetail, MobileAppInstallStatus::setInstallStateDetail,
                    ResultantAppStateDetail.noAdditionalDetails)
            .int32("errorCode", MobileAppInstallStatus::getErrorCode, MobileAppInstallStatus::setErrorCode, 0)
            .string("osVersion", MobileAppInstallStatus::getOsVersion, MobileAppInstallStatus::setOsVersion, MobileAppInstallStatus.TEXT)
            .string("osDescription", MobileAppInstallStatus::getOsDescription, MobileAppInstallStatus::setOsDescription, MobileAppInstallStatus.TEXT)
            .string("userName", MobileAppInstallStatus::getUserName, MobileAppInstallStatus::setUserName, MobileAppInstallStatus.TEXT)
            .string("userPrincipalName", MobileAppInstallStatus::getUserPrincipalName, MobileAppInstallStatus::setUserPrincipalName, MobileAppInstallStatus.TEXT)
            .string("displayVersion", MobileAppInstallStatus::getDisplayVersion, MobileAppInstallStatus::setDisplayVersion, MobileAppInstallStatus.TEXT)
            .rule(MobileAppInstallStatusJson::mirrorStates)
            .build();

    private MobileAppInstallStatusJson() {
    }

    /** One state under an old and a new name: a body that names only one of them sets both. */
    private static void mirrorStates(EntityBody body, MobileAppInstallStatus status) {
        if (body.has("installState") && !body.has("mobileAppInstallStatusValue")) {
            status.setMobileAppInstallStatusValue(status.getInstallState());
        } else if (body.has("mobileAppInstallStatusValue") && !body.has("installState")) {
            status.setInstallState(status.getMobileAppInstallStatusValue());
        }
    }
}
