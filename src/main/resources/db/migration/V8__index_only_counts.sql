-- Counts of a whole app read only the app's index entries, so that another tenant's rows never add to them
-- (issue 16). EXPLAIN ANALYZE on PostgreSQL, 1,000,000 statuses of tenant A beside as many of tenant B:
-- * installSummary counts COUNT(tenant_id) grouped by user and state. Migration 7's index also held id, which
--   it never reads; the distinct id in every entry made the index 421 MB, larger than half the table, and kept
--   its entries from being deduplicated, so PostgreSQL scanned the whole table, B's rows included (375 ms).
--   Without id, entries of one state and user share a key: 15 MB, an index-only scan of A's range (175 ms).
-- * $filter on installState and lastSyncDateTime with $count=true counted through a bitmap of the state index
--   and read every matching row from the table (362 ms); with the state after the time, the count is an
--   index-only scan of the time range (156 ms), and the index still orders lastSyncDateTime for $orderby.
DROP INDEX ix_device_status_app_state;
CREATE INDEX ix_device_status_app_state ON mobile_app_install_status
    (tenant_id, mobile_app_id, install_state, user_status_id);
DROP INDEX ix_device_status_app_last_sync;
CREATE INDEX ix_device_status_app_last_sync ON mobile_app_install_status
    (tenant_id, mobile_app_id, last_sync_ticks, install_state);
