package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity;

/** Graph's {@code resultantAppStateDetail}, the members of the beta metadata, named as on the wire. */
public enum ResultantAppStateDetail {
    processorArchitectureNotApplicable,
    minimumDiskSpaceNotMet,
    minimumOsVersionNotMet,
    minimumPhysicalMemoryNotMet,
    minimumLogicalProcessorCountNotMet,
    minimumCpuSpeedNotMet,
    platformNotApplicable,
    fileSystemRequirementNotMet,
    registryRequirementNotMet,
    powerShellScriptRequirementNotMet,
    noAdditionalDetails,
    dependencyFailedToInstall,
    dependencyWithRequirementsNotMet,
    dependencyPendingReboot,
    dependencyWithAutoInstallDisabled,
    iosAppStoreUpdateFailedToInstall,
    vppAppHasUpdateAvailable,
    userRejectedUpdate,
    seeInstallErrorCode,
    autoInstallDisabled,
    managedAppNoLongerPresent,
    userRejectedInstall,
    userIsNotLoggedIntoAppStore,
    seeUninstallErrorCode,
    pendingReboot,
    installingDependencies,
    contentDownloaded
}
