-- resultantAppStateDetail as Graph beta publishes it since supersedence: 36 members (migration 1 had the 27 of
-- the 2021 metadata). Bodies of up to 4 MiB: a mobileApp's largeIcon is a base64 image of a few hundred KiB.
ALTER TABLE mobile_app_install_status DROP CONSTRAINT ck_device_status_detail;
ALTER TABLE mobile_app_install_status ADD CONSTRAINT ck_device_status_detail CHECK (install_state_detail IN
    ('noAdditionalDetails', 'dependencyFailedToInstall', 'dependencyWithRequirementsNotMet',
     'dependencyPendingReboot', 'dependencyWithAutoInstallDisabled', 'supersededAppUninstallFailed',
     'supersededAppUninstallPendingReboot', 'removingSupersededApps', 'iosAppStoreUpdateFailedToInstall',
     'vppAppHasUpdateAvailable', 'userRejectedUpdate', 'uninstallPendingReboot',
     'supersedingAppsDetected', 'supersededAppsDetected', 'seeInstallErrorCode', 'autoInstallDisabled',
     'managedAppNoLongerPresent', 'userRejectedInstall', 'userIsNotLoggedIntoAppStore',
     'untargetedSupersedingAppsDetected', 'appRemovedBySupersedence', 'seeUninstallErrorCode',
     'pendingReboot', 'installingDependencies', 'contentDownloaded', 'supersedingAppsNotApplicable',
     'powerShellScriptRequirementNotMet', 'registryRequirementNotMet', 'fileSystemRequirementNotMet',
     'platformNotApplicable', 'minimumCpuSpeedNotMet', 'minimumLogicalProcessorCountNotMet',
     'minimumPhysicalMemoryNotMet', 'minimumOsVersionNotMet', 'minimumDiskSpaceNotMet',
     'processorArchitectureNotApplicable'));
ALTER TABLE mobile_app ALTER COLUMN large_icon SET DATA TYPE VARCHAR(4194304);
ALTER TABLE mobile_app ALTER COLUMN derived_properties SET DATA TYPE VARCHAR(4194304);
