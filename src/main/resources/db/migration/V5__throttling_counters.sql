-- Throttling's counters (graph.throttling=intune): requests per limit, tenant and app in one fixed window,
-- in the database the instances share, so that several instances throttle a tenant at the published rate.
-- bucket is "<limit>/<tenant>[/<app>]"; window_start counts windows since the epoch. Rows older than the
-- previous window are removed as new windows open.

CREATE TABLE throttling_counter (
    bucket       VARCHAR(200) NOT NULL,
    window_start BIGINT       NOT NULL,
    requests     INTEGER      NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
