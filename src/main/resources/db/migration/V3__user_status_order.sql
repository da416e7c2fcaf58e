-- A page of an app's user statuses is read in (app, id) order; with this index it is read, not sorted.
-- It leads with the same column as ix_user_status_app, which it replaces.
CREATE INDEX ix_user_status_app_id ON user_app_install_status (mobile_app_id, id);
DROP INDEX ix_user_status_app;
