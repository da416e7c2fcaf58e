-- Apps, user statuses and device statuses: Graph beta's mobileApp, userAppInstallStatus and
-- mobileAppInstallStatus. Portable SQL: the same file runs on H2 and PostgreSQL.

CREATE TABLE mobile_app (
    id                      VARCHAR(36)    NOT NULL PRIMARY KEY,
    odata_type              VARCHAR(200)   NOT NULL,
    display_name            VARCHAR(1000),
    description             VARCHAR(10000),
    publisher               VARCHAR(1000),
    developer               VARCHAR(1000),
    owner                   VARCHAR(1000),
    notes                   VARCHAR(10000),
    information_url         VARCHAR(1000),
    privacy_information_url VARCHAR(1000),
    is_featured             BOOLEAN        NOT NULL,
    publishing_state        VARCHAR(20)    NOT NULL
        CONSTRAINT ck_app_publishing_state CHECK (publishing_state IN ('notPublished', 'processing', 'published')),
    upload_state            INTEGER        NOT NULL,
    large_icon              VARCHAR(65536),
    role_scope_tag_ids      VARCHAR(65536),
    derived_properties      VARCHAR(65536) NOT NULL,
    created_date_time       VARCHAR(40)    NOT NULL,
    last_modified_date_time VARCHAR(40)    NOT NULL
);

CREATE TABLE user_app_install_status (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    mobile_app_id       VARCHAR(36)   NOT NULL,
    user_name           VARCHAR(1000),
    user_principal_name VARCHAR(1000),
    CONSTRAINT fk_user_status_app FOREIGN KEY (mobile_app_id) REFERENCES mobile_app (id),
    -- lets a device status name its user status and its app together (see fk_device_status_user)
    CONSTRAINT uq_user_status_in_app UNIQUE (id, mobile_app_id)
);
CREATE INDEX ix_user_status_app ON user_app_install_status (mobile_app_id);

CREATE TABLE mobile_app_install_status (
    id                              VARCHAR(36)   NOT NULL PRIMARY KEY,
    mobile_app_id                   VARCHAR(36)   NOT NULL,
    user_status_id                  VARCHAR(36),
    device_name                     VARCHAR(1000),
    device_id                       VARCHAR(1000),
    display_version                 VARCHAR(1000),
    error_code                      INTEGER       NOT NULL,
    install_state                   VARCHAR(20)   NOT NULL,
    install_state_detail            VARCHAR(40)   NOT NULL,
    mobile_app_install_status_value VARCHAR(20)   NOT NULL,
    -- as the client wrote it, and its instant in 100 ns ticks since 1970 for ordering
    last_sync_date_time             VARCHAR(40)   NOT NULL,
    last_sync_ticks                 BIGINT        NOT NULL,
    os_version                      VARCHAR(1000),
    os_description                  VARCHAR(1000),
    user_name                       VARCHAR(1000),
    user_principal_name             VARCHAR(1000),
    CONSTRAINT fk_device_status_app FOREIGN KEY (mobile_app_id) REFERENCES mobile_app (id),
    -- a status under a user status is under that user status's app, never another one
    CONSTRAINT fk_device_status_user FOREIGN KEY (user_status_id, mobile_app_id)
        REFERENCES user_app_install_status (id, mobile_app_id),
    CONSTRAINT ck_device_status_install_state CHECK (install_state IN
        ('notApplicable', 'installed', 'failed', 'notInstalled', 'uninstallFailed', 'pendingInstall', 'unknown')),
    CONSTRAINT ck_device_status_value CHECK (mobile_app_install_status_value IN
        ('notApplicable', 'installed', 'failed', 'notInstalled', 'uninstallFailed', 'pendingInstall', 'unknown')),
    CONSTRAINT ck_device_status_detail CHECK (install_state_detail IN
        ('processorArchitectureNotApplicable', 'minimumDiskSpaceNotMet', 'minimumOsVersionNotMet',
         'minimumPhysicalMemoryNotMet', 'minimumLogicalProcessorCountNotMet', 'minimumCpuSpeedNotMet',
         'platformNotApplicable', 'fileSystemRequirementNotMet', 'registryRequirementNotMet',
         'powerShellScriptRequirementNotMet', 'noAdditionalDetails', 'dependencyFailedToInstall',
         'dependencyWithRequirementsNotMet', 'dependencyPendingReboot', 'dependencyWithAutoInstallDisabled',
         'iosAppStoreUpdateFailedToInstall', 'vppAppHasUpdateAvailable', 'userRejectedUpdate',
         'seeInstallErrorCode', 'autoInstallDisabled', 'managedAppNoLongerPresent', 'userRejectedInstall',
         'userIsNotLoggedIntoAppStore', 'seeUninstallErrorCode', 'pendingReboot', 'installingDependencies',
         'contentDownloaded'))
);
CREATE INDEX ix_device_status_app ON mobile_app_install_status (mobile_app_id, id);
CREATE INDEX ix_device_status_user ON mobile_app_install_status (user_status_id, id);
