package org.graphstatus.security;

import java.util.Set;

/**
 * The Graph permissions this service checks, as they are named in the identity platform's tokens. They are
 * the roles of {@code @RolesAllowed}: a token grants them through {@code scp}, {@code roles} or
 * {@code groups} (see {@link VerifiedToken#getGroups()}).
 */
public final class Permissions {

    public static final String READ_WRITE = "DeviceManagementApps.ReadWrite.All";
    public static final String READ = "DeviceManagementApps.Read.All";

    /**
     * Graph's current pages for mobileApp (create, get, list, update, delete of each derived type) also list
     * the configuration permissions; the status pages, removed in 2023, list only the two above.
     */
    public static final String CONFIGURATION_READ_WRITE = "DeviceManagementConfiguration.ReadWrite.All";
    public static final String CONFIGURATION_READ = "DeviceManagementConfiguration.Read.All";

    /** Intune's reports also accept the managed devices permissions (deviceManagement/reports). */
    public static final String MANAGED_DEVICES_READ_WRITE = "DeviceManagementManagedDevices.ReadWrite.All";
    public static final String MANAGED_DEVICES_READ = "DeviceManagementManagedDevices.Read.All";

    /** Every permission this service checks. */
    public static final Set<String> ALL = Set.of(READ_WRITE, READ, CONFIGURATION_READ_WRITE, CONFIGURATION_READ,
            MANAGED_DEVICES_READ_WRITE, MANAGED_DEVICES_READ);

    private Permissions() {
    }
}
