package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphType;
import org.graphstatus.odata.Json;
import org.graphstatus.odata.options.QueryModel;

/**
 * The wire form of {@code microsoft.graph.userAppInstallStatus}. The three device counts are server-kept:
 * counted from the user's device statuses when read, accepted in any body (clients echo what they read,
 * and Graph's own update example sends them) and ignored. Being counted, not stored, they cannot be
 * filtered or ordered on.
 */
public final class UserAppInstallStatusJson {

    public static final GraphType<UserAppInstallStatus> FORM = GraphType.of("microsoft.graph.userAppInstallStatus",
                    UserAppInstallStatus::getId)
            .string("userName", UserAppInstallStatus::getUserName, UserAppInstallStatus::setUserName, MobileApp.TEXT)
            .string("userPrincipalName", UserAppInstallStatus::getUserPrincipalName,
                    UserAppInstallStatus::setUserPrincipalName, MobileApp.TEXT)
            .serverKept("installedDeviceCount", EntityBody::int32, count(UserAppInstallStatus::getInstalledDeviceCount))
            .serverKept("failedDeviceCount", EntityBody::int32, count(UserAppInstallStatus::getFailedDeviceCount))
            .serverKept("notInstalledDeviceCount", EntityBody::int32, count(UserAppInstallStatus::getNotInstalledDeviceCount))
            .build();

    public static final String TYPE = FORM.name();
    public static final Set<String> PROPERTIES = FORM.propertyNames();
    public static final QueryModel QUERY = FORM.query();

    private UserAppInstallStatusJson() {
    }

    public static UserAppInstallStatus read(JsonObject json) {
        return FORM.create(FORM.body(json), new UserAppInstallStatus());
    }

    /** The changes of a PATCH body to the user status {@code id}: the names it sends. */
    public static Consumer<UserAppInstallStatus> patch(JsonObject json, String id) {
        return FORM.patch(FORM.body(json), id);
    }

    /** The user status with the counts its reader set ({@link UserAppInstallStatus#counted}). */
    public static JsonObjectBuilder write(UserAppInstallStatus status) {
        return FORM.write(status);
    }

    private static Function<UserAppInstallStatus, jakarta.json.JsonValue> count(Function<UserAppInstallStatus, Long> getter) {
        return status -> Json.PROVIDER.createValue(getter.apply(status));
    }
}
