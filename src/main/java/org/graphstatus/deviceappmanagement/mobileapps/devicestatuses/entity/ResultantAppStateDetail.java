package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity;

/**
 * Graph's {@code resultantAppStateDetail}: the 36 members Graph beta publishes (the 2021 metadata had 27;
 * supersedence added the rest), named as on the wire and stored by name, with Graph's numeric values.
 */
public enum ResultantAppStateDetail {
    noAdditionalDetails(0),
    dependencyFailedToInstall(1),
    dependencyWithRequirementsNotMet(2),
    dependencyPendingReboot(3),
    dependencyWithAutoInstallDisabled(4),
    supersededAppUninstallFailed(5),
    supersededAppUninstallPendingReboot(6),
    removingSupersededApps(7),
    iosAppStoreUpdateFailedToInstall(1000),
    vppAppHasUpdateAvailable(1001),
    userRejectedUpdate(1002),
    uninstallPendingReboot(1003),
    supersedingAppsDetected(1004),
    supersededAppsDetected(1005),
    seeInstallErrorCode(2000),
    autoInstallDisabled(3000),
    managedAppNoLongerPresent(3001),
    userRejectedInstall(3002),
    userIsNotLoggedIntoAppStore(3003),
    untargetedSupersedingAppsDetected(3004),
    appRemovedBySupersedence(3005),
    seeUninstallErrorCode(4000),
    pendingReboot(5000),
    installingDependencies(5001),
    contentDownloaded(5002),
    supersedingAppsNotApplicable(-1016),
    powerShellScriptRequirementNotMet(-1013),
    registryRequirementNotMet(-1012),
    fileSystemRequirementNotMet(-1011),
    platformNotApplicable(-1006),
    minimumCpuSpeedNotMet(-1005),
    minimumLogicalProcessorCountNotMet(-1004),
    minimumPhysicalMemoryNotMet(-1003),
    minimumOsVersionNotMet(-1002),
    minimumDiskSpaceNotMet(-1001),
    processorArchitectureNotApplicable(-1000);

    private final int value;

    ResultantAppStateDetail(int value) {
        this.value = value;
    }

    /** The member's value in Graph's metadata. */
    public int value() {
        return value;
    }
}
