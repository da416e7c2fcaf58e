import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The scale bench's "$filter state and lastSyncDateTime, first page" on H2 alone, without the server: H2's
 * plan for the service's SQL (EXPLAIN ANALYZE: the index, the rows scanned, the pages read) and 41 timed
 * executions of it as a prepared statement, the median of the last 31. Run from the repository's root, with
 * the H2 that Payara Micro ships (issue 16, item 5):
 *   java -cp h2-2.2.224.jar bench/scale/H2FilterPlan.java folder rows load-a   (schema, A's rows, measure)
 *   java -cp h2-2.2.224.jar bench/scale/H2FilterPlan.java folder rows load-b   (B's rows, measure)
 *   java [-Dwalk] -cp h2-2.2.224.jar bench/scale/H2FilterPlan.java folder rows measure
 * Copy the folder after load-a to measure A alone and A with B in turn, each in a new JVM. -Dwalk first reads
 * all of A's rows in key order, as the scale bench's walk does before the $filter.
 */
public class H2FilterPlan {
    static final String APP = "7d2c3c35-0000-4000-8000-000000000001";
    static final long JANUARY_FIRST_TICKS = 17672256000000000L;

    /** What EclipseLink sends for the first page of the $filter (CollectionReader), with H2's LIMIT. */
    static final String FIRST_PAGE = "SELECT tenant_id, id, mobile_app_id, user_status_id, device_name, device_id, "
            + "display_version, error_code, install_state, install_state_detail, mobile_app_install_status_value, "
            + "last_sync_date_time, last_sync_ticks, os_version, os_description, user_name, user_principal_name, id "
            + "FROM mobile_app_install_status WHERE ((tenant_id = ?) AND (mobile_app_id = ?)) "
            + "AND ((install_state = ?) AND (last_sync_ticks >= ?)) AND (id >= ?) "
            + "ORDER BY tenant_id ASC, mobile_app_id ASC, id ASC LIMIT ? OFFSET ?";

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        String phase = args[2];
        String url = "jdbc:h2:file:" + folder.toAbsolutePath() + "/graph;WRITE_DELAY=0";
        if (phase.equals("load-a")) {
            migrate(url);
            load(url, "tenant-a", rows);
        } else if (phase.equals("load-b")) {
            load(url, "tenant-b", rows);
        }
        if (System.getProperty("walk") != null) {
            walk(url);
        }
        measure(url);
    }

    /** The service's migrations, in version order. */
    static void migrate(String url) throws Exception {
        try (Connection db = DriverManager.getConnection(url); var sql = db.createStatement();
                var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.sorted(Comparator.comparingInt(H2FilterPlan::version)).toList()) {
                sql.execute("RUNSCRIPT FROM '" + file.toAbsolutePath() + "'");
            }
        }
    }

    static int version(Path migration) {
        return Integer.parseInt(migration.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
    }

    /** The scale bench's rows (ScaleBench.load): one a second from 2026-01-01, the four states in turn. */
    static void load(String url, String tenant, int rows) throws SQLException {
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url); var sql = db.createStatement()) {
            sql.execute("INSERT INTO mobile_app (tenant_id, id, odata_type, display_name, is_featured, publishing_state, "
                    + "upload_state, derived_properties, created_date_time, last_modified_date_time) VALUES ('" + tenant
                    + "', '" + APP + "', '#microsoft.graph.webApp', 'Scale', FALSE, 'published', 0, '{}', "
                    + "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
            for (int from = 1; from <= rows; from += 50_000) {
                String state = "CASE MOD(x, 4) WHEN 0 THEN 'installed' WHEN 1 THEN 'failed' WHEN 2 THEN 'pendingInstall' "
                        + "ELSE 'notInstalled' END";
                sql.execute("INSERT INTO mobile_app_install_status (tenant_id, id, mobile_app_id, device_name, device_id, "
                        + "error_code, install_state, install_state_detail, mobile_app_install_status_value, "
                        + "last_sync_date_time, last_sync_ticks) SELECT '" + tenant + "', CAST(RANDOM_UUID() AS VARCHAR(36)), '"
                        + APP + "', CONCAT('device-', x), '" + tenant + "', 0, " + state + ", 'noAdditionalDetails', " + state
                        + ", '2026-01-01T00:00:00Z', " + JANUARY_FIRST_TICKS + " + CAST(x AS BIGINT) * 10000000 "
                        + "FROM SYSTEM_RANGE(" + from + ", " + Math.min(rows, from + 49_999) + ") AS s(x)");
            }
        }
        System.out.printf("%,d rows of %s loaded in %.1f s%n", rows, tenant, (System.nanoTime() - started) / 1e9);
    }

    static void walk(String url) throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        try (Connection db = DriverManager.getConnection(url); var sql = db.createStatement();
                var all = sql.executeQuery("SELECT * FROM mobile_app_install_status WHERE tenant_id = 'tenant-a' "
                        + "AND mobile_app_id = '" + APP + "' AND id >= '' ORDER BY tenant_id, mobile_app_id, id")) {
            while (all.next()) {
                rows++;
            }
        }
        System.out.printf("walk: %,d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
    }

    static void measure(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url)) {
            String literal = FIRST_PAGE.replaceFirst("\\?", "'tenant-a'").replaceFirst("\\?", "'" + APP + "'")
                    .replaceFirst("\\?", "'failed'").replaceFirst("\\?", String.valueOf(ticks(0)))
                    .replaceFirst("\\?", "''").replaceFirst("\\?", "101").replaceFirst("\\?", "0");
            try (var sql = db.createStatement(); var plan = sql.executeQuery("EXPLAIN ANALYZE " + literal)) {
                plan.next();
                // the plan's index, scan count and page reads; the column list is left out
                System.out.println(plan.getString(1).replaceAll("(?s)SELECT.*?FROM", "SELECT ... FROM"));
            }
            List<Double> times = new ArrayList<>();
            try (var select = db.prepareStatement(FIRST_PAGE)) {
                for (int i = 0; i < 41; i++) {
                    long started = System.nanoTime();
                    select.setString(1, "tenant-a");
                    select.setString(2, APP);
                    select.setString(3, "failed");
                    select.setLong(4, ticks(i)); // another second each time: no answer from H2's result cache
                    select.setString(5, "");
                    select.setInt(6, 101);
                    select.setInt(7, 0);
                    try (var page = select.executeQuery()) {
                        while (page.next()) {
                            // read every row, as the service does
                        }
                    }
                    times.add((System.nanoTime() - started) / 1e6);
                }
            }
            List<Double> settled = new ArrayList<>(times.subList(10, times.size()));
            Collections.sort(settled);
            System.out.printf("first page of the $filter: median of the last 31 of 41 executions %.2f ms%n",
                    settled.get(settled.size() / 2));
        }
    }

    /** lastSyncDateTime ge 2026-01-06T00:00:{second}Z in the service's ticks. */
    static long ticks(int second) {
        return JANUARY_FIRST_TICKS + (5 * 86_400L + second) * 10_000_000;
    }
}
