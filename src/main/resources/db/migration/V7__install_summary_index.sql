-- installSummary groups all of an app's statuses by user and state. With an index on (tenant, app, state) alone
-- that needs every row's user from the table, and PostgreSQL reads the whole table for it when the app is a
-- large share of it, other tenants' rows included (bench/scale.sh: 1.31x slower beside as many rows of
-- another tenant). This index holds every column the summary reads, so it is answered from the index, from
-- the tenant's and app's entries only; it keeps (tenant, app, state) first for the filters and counts by
-- state that used the index it replaces.
DROP INDEX ix_device_status_app_state;
CREATE INDEX ix_device_status_app_state ON mobile_app_install_status
    (tenant_id, mobile_app_id, install_state, user_status_id, id);
