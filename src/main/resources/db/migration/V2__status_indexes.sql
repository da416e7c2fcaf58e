-- Indexes for the common reads of statuses beyond their parents: a user's counts by state, and an app's
-- statuses by state or by last sync.
CREATE INDEX ix_device_status_user_state ON mobile_app_install_status (user_status_id, install_state);
CREATE INDEX ix_device_status_app_state ON mobile_app_install_status (mobile_app_id, install_state);
CREATE INDEX ix_device_status_app_last_sync ON mobile_app_install_status (mobile_app_id, last_sync_ticks);
