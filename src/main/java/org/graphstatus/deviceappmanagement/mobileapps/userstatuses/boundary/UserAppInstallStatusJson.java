package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.boundary;

import jakarta.json.JsonValue;
import java.util.function.Function;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.types.GraphType;
import org.graphstatus.odata.JsonValues;

/**
 * The wire form of {@code microsoft.graph.userAppInstallStatus}. The three device counts are server-kept:
 * counted from the user's device statuses when read, accepted in any body (clients echo what they read,
 * and Graph's own update example sends them) and ignored. Being counted, not stored, they cannot be
 * filtered or ordered on.
 */
public final class UserAppInstallStatusJson {

    public static final GraphType<UserAppInstallStatus> PROPERTIES = GraphType.of("microsoft.graph.userAppInstallStatus",
                    UserAppInstallStatus::getId, UserAppInstallStatus::new)
            .string("userName", UserAppInstallStatus::getUserName, UserAppInstallStatus::setUserName, UserAppInstallStatus.TEXT)
            .string("userPrincipalName", UserAppInstallStatus::getUserPrincipalName,
                    UserAppInstallStatus::setUserPrincipalName, UserAppInstallStatus.TEXT)
            .serverKept("installedDeviceCount", EntityBody::int32, count(UserAppInstallStatus::getInstalledDeviceCount))
            .serverKept("failedDeviceCount", EntityBody::int32, count(UserAppInstallStatus::getFailedDeviceCount))
            .serverKept("notInstalledDeviceCount", EntityBody::int32, count(UserAppInstallStatus::getNotInstalledDeviceCount))
            .build();

    private UserAppInstallStatusJson() {
    }

    private static Function<UserAppInstallStatus, JsonValue> count(Function<UserAppInstallStatus, Long> getter) {
        return status -> JsonValues.PROVIDER.createValue(getter.apply(status));
    }
}
