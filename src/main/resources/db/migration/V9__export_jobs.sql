-- Intune's report export jobs (deviceManagementExportJob) and the ZIP each completed job made, kept in the
-- database the instances share, so that any instance answers a job's status and serves its file, and both
-- survive a restart until they expire. Portable SQL: the same file runs on H2 and PostgreSQL.

CREATE TABLE device_management_export_job (
    tenant_id            VARCHAR(64)    NOT NULL,
    id                   VARCHAR(100)   NOT NULL,
    report_name          VARCHAR(64)    NOT NULL,
    filter               VARCHAR(2000),
    select_columns       VARCHAR(65536) NOT NULL,
    format               VARCHAR(20)    NOT NULL,
    localization_type    VARCHAR(40)    NOT NULL,
    search               VARCHAR(100),
    snapshot_id          VARCHAR(128),
    status               VARCHAR(20)    NOT NULL
        CONSTRAINT ck_export_job_status CHECK (status IN ('notStarted', 'inProgress', 'completed', 'failed')),
    failure_reason       VARCHAR(1000),
    request_date_time    VARCHAR(40)    NOT NULL,
    expiration_date_time VARCHAR(40),
    -- when the job and its file are removed (ticks: 100 ns since 1970), and when its maker last showed progress
    kept_until_ticks     BIGINT         NOT NULL,
    progress_ticks       BIGINT         NOT NULL,
    -- SHA-256 of the secret in the file's URL, which only the job's answers carry
    download_key         VARCHAR(64),
    size_bytes           BIGINT,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_export_job_kept_until ON device_management_export_job (kept_until_ticks);
CREATE UNIQUE INDEX ix_export_job_download_key ON device_management_export_job (download_key);

-- The ZIP in parts of at most 1 MiB, written and read one at a time.
CREATE TABLE device_management_export_job_part (
    tenant_id VARCHAR(64) NOT NULL,
    job_id    VARCHAR(100) NOT NULL,
    part      INTEGER     NOT NULL,
    bytes     BYTEA       NOT NULL,
    PRIMARY KEY (tenant_id, job_id, part),
    CONSTRAINT fk_export_job_part_job FOREIGN KEY (tenant_id, job_id)
        REFERENCES device_management_export_job (tenant_id, id) ON DELETE CASCADE
);
