-- Tenants: every app, user status and device status belongs to the tenant of the token that created it, and
-- the tenant leads every key, foreign key and index, so that a tenant's rows sit together in each index and
-- the tables can later be spread across machines by tenant. Rows of earlier versions move into the default
-- tenant (graph.tenants.default, given to Flyway as a placeholder), nothing lost.
--
-- The tables are rebuilt rather than altered: their primary keys were created unnamed in migration 1, and
-- H2 and PostgreSQL name them differently, so no one statement could drop them on both. Their named
-- constraints and indexes are dropped first, because H2 keeps constraint names unique per schema.

ALTER TABLE mobile_app_install_status DROP CONSTRAINT fk_device_status_app;
ALTER TABLE mobile_app_install_status DROP CONSTRAINT fk_device_status_user;
ALTER TABLE mobile_app_install_status DROP CONSTRAINT ck_device_status_install_state;
ALTER TABLE mobile_app_install_status DROP CONSTRAINT ck_device_status_value;
ALTER TABLE mobile_app_install_status DROP CONSTRAINT ck_device_status_detail;
ALTER TABLE user_app_install_status DROP CONSTRAINT fk_user_status_app;
ALTER TABLE user_app_install_status DROP CONSTRAINT uq_user_status_in_app;
ALTER TABLE mobile_app DROP CONSTRAINT ck_app_publishing_state;
DROP INDEX ix_device_status_app;
DROP INDEX ix_device_status_user;
DROP INDEX ix_device_status_user_state;
DROP INDEX ix_device_status_app_state;
DROP INDEX ix_device_status_app_last_sync;
DROP INDEX ix_user_status_app_id;
ALTER TABLE mobile_app RENAME TO mobile_app_v5;
ALTER TABLE user_app_install_status RENAME TO user_app_install_status_v5;
ALTER TABLE mobile_app_install_status RENAME TO mobile_app_install_status_v5;

CREATE TABLE mobile_app (
    tenant_id               VARCHAR(64)      NOT NULL,
    id                      VARCHAR(36)      NOT NULL,
    odata_type              VARCHAR(200)     NOT NULL,
    display_name            VARCHAR(1000),
    description             VARCHAR(10000),
    publisher               VARCHAR(1000),
    developer               VARCHAR(1000),
    owner                   VARCHAR(1000),
    notes                   VARCHAR(10000),
    information_url         VARCHAR(1000),
    privacy_information_url VARCHAR(1000),
    is_featured             BOOLEAN          NOT NULL,
    publishing_state        VARCHAR(20)      NOT NULL,
    upload_state            INTEGER          NOT NULL,
    large_icon              VARCHAR(4194304),
    role_scope_tag_ids      VARCHAR(65536),
    derived_properties      VARCHAR(4194304) NOT NULL,
    created_date_time       VARCHAR(40)      NOT NULL,
    last_modified_date_time VARCHAR(40)      NOT NULL,
    CONSTRAINT pk_mobile_app PRIMARY KEY (tenant_id, id),
    CONSTRAINT ck_app_publishing_state CHECK (publishing_state IN ('notPublished', 'processing', 'published'))
);

CREATE TABLE user_app_install_status (
    tenant_id           VARCHAR(64)   NOT NULL,
    id                  VARCHAR(36)   NOT NULL,
    mobile_app_id       VARCHAR(36)   NOT NULL,
    user_name           VARCHAR(1000),
    user_principal_name VARCHAR(1000),
    CONSTRAINT pk_user_app_install_status PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_user_status_app FOREIGN KEY (tenant_id, mobile_app_id) REFERENCES mobile_app (tenant_id, id),
    -- a page of an app's user statuses is read in this order; a device status names its user status and its
    -- app together through it (fk_device_status_user)
    CONSTRAINT uq_user_status_in_app UNIQUE (tenant_id, mobile_app_id, id)
);

CREATE TABLE mobile_app_install_status (
    tenant_id                       VARCHAR(64)   NOT NULL,
    id                              VARCHAR(36)   NOT NULL,
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
    CONSTRAINT pk_mobile_app_install_status PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_device_status_app FOREIGN KEY (tenant_id, mobile_app_id) REFERENCES mobile_app (tenant_id, id),
    -- a status under a user status is under that user status's app and tenant, never another one
    CONSTRAINT fk_device_status_user FOREIGN KEY (tenant_id, mobile_app_id, user_status_id)
        REFERENCES user_app_install_status (tenant_id, mobile_app_id, id),
    CONSTRAINT ck_device_status_install_state CHECK (install_state IN
        ('notApplicable', 'installed', 'failed', 'notInstalled', 'uninstallFailed', 'pendingInstall', 'unknown')),
    CONSTRAINT ck_device_status_value CHECK (mobile_app_install_status_value IN
        ('notApplicable', 'installed', 'failed', 'notInstalled', 'uninstallFailed', 'pendingInstall', 'unknown')),
    CONSTRAINT ck_device_status_detail CHECK (install_state_detail IN
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
         'processorArchitectureNotApplicable'))
);
-- Pages of an app's or a user status's statuses in key order; counts by state; an app's statuses by state
-- or by last sync.
CREATE INDEX ix_device_status_app ON mobile_app_install_status (tenant_id, mobile_app_id, id);
CREATE INDEX ix_device_status_user ON mobile_app_install_status (tenant_id, user_status_id, id);
CREATE INDEX ix_device_status_user_state ON mobile_app_install_status (tenant_id, user_status_id, install_state);
CREATE INDEX ix_device_status_app_state ON mobile_app_install_status (tenant_id, mobile_app_id, install_state);
CREATE INDEX ix_device_status_app_last_sync ON mobile_app_install_status (tenant_id, mobile_app_id, last_sync_ticks);

INSERT INTO mobile_app (tenant_id, id, odata_type, display_name, description, publisher, developer, owner, notes,
        information_url, privacy_information_url, is_featured, publishing_state, upload_state, large_icon,
        role_scope_tag_ids, derived_properties, created_date_time, last_modified_date_time)
    SELECT '${defaultTenant}', id, odata_type, display_name, description, publisher, developer, owner, notes,
        information_url, privacy_information_url, is_featured, publishing_state, upload_state, large_icon,
        role_scope_tag_ids, derived_properties, created_date_time, last_modified_date_time
    FROM mobile_app_v5;
INSERT INTO user_app_install_status (tenant_id, id, mobile_app_id, user_name, user_principal_name)
    SELECT '${defaultTenant}', id, mobile_app_id, user_name, user_principal_name FROM user_app_install_status_v5;
INSERT INTO mobile_app_install_status (tenant_id, id, mobile_app_id, user_status_id, device_name, device_id,
        display_version, error_code, install_state, install_state_detail, mobile_app_install_status_value,
        last_sync_date_time, last_sync_ticks, os_version, os_description, user_name, user_principal_name)
    SELECT '${defaultTenant}', id, mobile_app_id, user_status_id, device_name, device_id,
        display_version, error_code, install_state, install_state_detail, mobile_app_install_status_value,
        last_sync_date_time, last_sync_ticks, os_version, os_description, user_name, user_principal_name
    FROM mobile_app_install_status_v5;

DROP TABLE mobile_app_install_status_v5;
DROP TABLE user_app_install_status_v5;
DROP TABLE mobile_app_v5;
