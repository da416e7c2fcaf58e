-- Deleting a parent deletes what it contains, by the database: an app its user statuses and device
-- statuses, a user status its device statuses. The service then removes only the parent, and no parent's
-- code needs to know its children.
ALTER TABLE user_app_install_status DROP CONSTRAINT fk_user_status_app;
ALTER TABLE user_app_install_status ADD CONSTRAINT fk_user_status_app
    FOREIGN KEY (mobile_app_id) REFERENCES mobile_app (id) ON DELETE CASCADE;
ALTER TABLE mobile_app_install_status DROP CONSTRAINT fk_device_status_app;
ALTER TABLE mobile_app_install_status ADD CONSTRAINT fk_device_status_app
    FOREIGN KEY (mobile_app_id) REFERENCES mobile_app (id) ON DELETE CASCADE;
ALTER TABLE mobile_app_install_status DROP CONSTRAINT fk_device_status_user;
ALTER TABLE mobile_app_install_status ADD CONSTRAINT fk_device_status_user
    FOREIGN KEY (user_status_id, mobile_app_id) REFERENCES user_app_install_status (id, mobile_app_id) ON DELETE CASCADE;
