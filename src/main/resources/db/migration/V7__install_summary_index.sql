-- installSummary groups all of an app's statuses by user and state. With an index on (tenant, app, state)
-- alone, every row's user has to be read from the table. This index holds every column the summary reads, and
-- keeps (tenant, app, state) first for the filters and counts by state that used the index it replaces.
-- bench/scale.sh, 1,000,000 statuses under one app: H2 2.8 s -> 1.0 s. PostgreSQL still chose to scan the
-- table there (143 ms, 191 ms beside as many rows of another tenant), where the app is half of it.
DROP INDEX ix_device_status_app_state;
CREATE INDEX ix_device_status_app_state ON mobile_app_install_status
    (tenant_id, mobile_app_id, install_state, user_status_id, id);
