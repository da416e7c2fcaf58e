package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.graphstatus.testing.Databases;
import org.junit.jupiter.api.Test;

/**
 * An upgrade keeps what is stored: a database at migration 1 with statuses in it is brought to the latest
 * schema by the same Flyway set-up the service runs at deployment, and every row reads the same after it.
 * Migration 6 moves every row into the default tenant and puts the tenant in front of every key and index.
 * On the run's database kind (H2, or PostgreSQL in the PostgreSQL run), in a database of its own.
 */
class MigrationsIT {

    @Test
    void aDatabaseAtMigration1UpgradesToTheLatestWithItsRowsIntact() throws Exception {
        String postgresql = Databases.postgresqlRun() ? Databases.createPostgresql("graph_upgrade") : null;
        String url = postgresql != null ? Databases.postgresqlUrl(postgresql)
                : "jdbc:h2:file:" + Path.of("target", "migrations", UUID.randomUUID().toString()).toAbsolutePath();
        try {
            migrate(url, MigrationVersion.fromVersion("1"));
            List<List<Object>> before;
            try (Connection db = Databases.connect(url)) {
                insertV1Rows(db);
                before = rows(db);
            }

            Flyway upgraded = migrate(url, MigrationVersion.LATEST);

            assertEquals("9", upgraded.info().current().getVersion().getVersion());
            try (Connection db = Databases.connect(url)) {
                assertEquals(before, rows(db), "every row as it was");
                assertEquals(Set.of(MIGRATED_TENANT), tenants(db), "migration 6: every row in the default tenant");
                Map<String, List<String>> indexes = indexColumns(db);
                assertTrue(indexes.keySet().containsAll(Set.of("ix_device_status_app", "ix_device_status_user",
                        "ix_device_status_user_state", "ix_device_status_app_state", "ix_device_status_app_last_sync")),
                        "the indexes of migrations 2 and 6: " + indexes);
                indexes.forEach((index, columns) -> assertEquals("tenant_id", columns.get(0), "the tenant leads " + index));
                assertEquals(List.of("tenant_id", "mobile_app_id", "install_state", "user_status_id"),
                        indexes.get("ix_device_status_app_state"),
                        "migration 8: installSummary reads its columns from the index alone");
                assertEquals(List.of("tenant_id", "mobile_app_id", "last_sync_ticks", "install_state"),
                        indexes.get("ix_device_status_app_last_sync"),
                        "migration 8: a count by time and state reads its columns from the index alone");
                assertThrows(SQLException.class, () -> db.createStatement().execute("INSERT INTO user_app_install_status "
                        + "(tenant_id, id, mobile_app_id) VALUES ('another-tenant', 'u2', 'a1')"),
                        "a row cannot point at another tenant's app");
                insertV4Rows(db);
                try (var counters = db.createStatement().executeQuery("SELECT COUNT(*) FROM throttling_counter")) {
                    assertTrue(counters.next() && counters.getLong(1) == 0, "migration 5's throttling counters, empty");
                }
                exportJobWithAPart(db);
            }
        } finally {
            if (postgresql != null) {
                Databases.dropPostgresql(postgresql);
            }
        }
    }

    /** graph.tenants.default as the service gives it to Flyway (not the stock default, to see that it is used). */
    private static final String MIGRATED_TENANT = "upgraded-deployment";

    private static Flyway migrate(String url, MigrationVersion target) {
        Flyway flyway = SchemaMigration.flyway(MIGRATED_TENANT).dataSource(url, null, null).target(target).load();
        flyway.migrate();
        return flyway;
    }

    /** Migration 9: a job's file parts go with the job. */
    private static void exportJobWithAPart(Connection db) throws SQLException {
        db.createStatement().execute("INSERT INTO device_management_export_job (tenant_id, id, report_name, select_columns, "
                + "format, localization_type, status, request_date_time, kept_until_ticks, progress_ticks) VALUES "
                + "('t', 'j', 'AppInstallStatusAggregate', '[]', 'csv', 'localizedValuesAsAdditionalColumn', 'completed', "
                + "'2026-01-01T00:00:00Z', 1, 1)");
        try (var part = db.prepareStatement("INSERT INTO device_management_export_job_part (tenant_id, job_id, part, bytes) "
                + "VALUES ('t', 'j', 0, ?)")) {
            part.setBytes(1, new byte[] {'P', 'K'});
            part.executeUpdate();
        }
        assertThrows(SQLException.class, () -> db.createStatement().execute("INSERT INTO device_management_export_job "
                + "(tenant_id, id, report_name, select_columns, format, localization_type, status, request_date_time, "
                + "kept_until_ticks, progress_ticks) VALUES ('t', 'k', 'x', '[]', 'csv', 'x', 'notStarted', 'x', 1, 1), "
                + "('t', 'k2', 'x', '[]', 'csv', 'x', 'unknown', 'x', 1, 1)"), "a status outside the four");
        db.createStatement().execute("DELETE FROM device_management_export_job WHERE id = 'j'");
        try (var parts = db.createStatement().executeQuery("SELECT COUNT(*) FROM device_management_export_job_part")) {
            assertTrue(parts.next() && parts.getLong(1) == 0, "the part went with its job");
        }
    }

    private static void insertV1Rows(Connection db) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute("INSERT INTO mobile_app (id, odata_type, display_name, is_featured, publishing_state, "
                    + "upload_state, derived_properties, created_date_time, last_modified_date_time) VALUES "
                    + "('a1', '#microsoft.graph.webApp', 'Contoso', FALSE, 'published', 0, '{\"appUrl\":\"https://x\"}', "
                    + "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
            statement.execute("INSERT INTO user_app_install_status (id, mobile_app_id, user_name) VALUES ('u1', 'a1', 'Ann')");
            statement.execute("INSERT INTO mobile_app_install_status (id, mobile_app_id, user_status_id, device_name, "
                    + "error_code, install_state, install_state_detail, mobile_app_install_status_value, "
                    + "last_sync_date_time, last_sync_ticks) VALUES "
                    + "('d1', 'a1', 'u1', 'laptop', 9, 'failed', 'seeInstallErrorCode', 'failed', "
                    + "'2017-01-01T00:02:49.3205976-08:00', 14832577693205976), "
                    + "('d2', 'a1', NULL, 'phone', 0, 'installed', 'noAdditionalDetails', 'installed', "
                    + "'0001-01-01T00:00:00Z', -621355968000000000)");
        }
    }

    /** Migration 4: Graph's 2023 members of resultantAppStateDetail, and icons of a few hundred KiB. */
    private static void insertV4Rows(Connection db) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute("UPDATE mobile_app_install_status SET install_state_detail = 'appRemovedBySupersedence' "
                    + "WHERE id = 'd1'");
            statement.execute("UPDATE mobile_app SET large_icon = '" + "A".repeat(400_000) + "' WHERE id = 'a1'");
            assertThrows(SQLException.class, () -> statement.execute("UPDATE mobile_app_install_status "
                    + "SET install_state_detail = 'removedByAliens' WHERE id = 'd1'"), "still only Graph's members");
        }
    }

    private static List<List<Object>> rows(Connection db) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (String table : List.of("mobile_app", "user_app_install_status", "mobile_app_install_status")) {
            try (var statement = db.createStatement(); ResultSet result = statement.executeQuery(
                    "SELECT * FROM " + table + " ORDER BY id")) {
                while (result.next()) {
                    // by column name, without the tenant: migration 6 adds it and rebuilds the tables
                    var row = new TreeMap<String, String>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        String name = result.getMetaData().getColumnLabel(column).toLowerCase();
                        if (!name.equals("tenant_id")) {
                            row.put(name, String.valueOf(result.getObject(column)));
                        }
                    }
                    rows.add(List.of(table, row));
                }
            }
        }
        assertEquals(4, rows.size());
        return rows;
    }

    private static Set<String> tenants(Connection db) throws SQLException {
        Set<String> tenants = new HashSet<>();
        for (String table : List.of("mobile_app", "user_app_install_status", "mobile_app_install_status")) {
            try (var statement = db.createStatement();
                    ResultSet result = statement.executeQuery("SELECT DISTINCT tenant_id FROM " + table)) {
                while (result.next()) {
                    tenants.add(result.getString(1));
                }
            }
        }
        return tenants;
    }

    /** Each index of the three tables (keys and unique constraints included) and its columns, in order. */
    private static Map<String, List<String>> indexColumns(Connection db) throws SQLException {
        Map<String, TreeMap<Short, String>> columns = new HashMap<>();
        for (String table : List.of("mobile_app", "user_app_install_status", "mobile_app_install_status")) {
            // H2 keeps names in upper case, PostgreSQL in lower
            for (String name : List.of(table, table.toUpperCase())) {
                try (ResultSet index = db.getMetaData().getIndexInfo(null, null, name, false, false)) {
                    while (index.next()) {
                        columns.computeIfAbsent(String.valueOf(index.getString("INDEX_NAME")).toLowerCase(), n -> new TreeMap<>())
                                .put(index.getShort("ORDINAL_POSITION"), String.valueOf(index.getString("COLUMN_NAME")).toLowerCase());
                    }
                }
            }
        }
        Map<String, List<String>> ordered = new HashMap<>();
        columns.forEach((index, byPosition) -> ordered.put(index, List.copyOf(byPosition.values())));
        return ordered;
    }
}
