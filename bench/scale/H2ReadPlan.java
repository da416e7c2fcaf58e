import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Two of the scale bench's reads on H2 alone, without the server: the first page of "$filter state and
 * lastSyncDateTime", and pages 4960 to 5000 of the walk by $skiptoken (with 1,000,000 rows of A). For each,
 * H2's plan for the service's SQL (EXPLAIN ANALYZE: the index, the rows scanned, the pages read) and 41 timed
 * executions as a prepared statement, the median of the last 31. Run from the repository's root, with the H2
 * that Payara Micro ships:
 *   java -cp h2-2.2.224.jar bench/scale/H2ReadPlan.java folder rows load-a   (schema, A's rows, measure)
 *   java -cp h2-2.2.224.jar bench/scale/H2ReadPlan.java folder rows load-b   (B's rows, measure)
 *   java [-Dwalk] -cp h2-2.2.224.jar bench/scale/H2ReadPlan.java folder rows measure
 * Copy the folder after load-a to measure A alone and A with B in turn, each in a new JVM. -Dwalk first reads
 * all of A's rows in key order, as the scale bench's walk does. The loads leave the file uncompacted (the
 * scale bench's are compacted): {@code org.h2.tools.Shell -url jdbc:h2:file:folder/graph -sql "SHUTDOWN COMPACT"}.
 */
public class H2ReadPlan {
    static final String APP = "7d2c3c35-0000-4000-8000-000000000001";
    static final long JANUARY_FIRST_TICKS = 17672256000000000L;
    static final int EXECUTIONS = 41;
    /** The deep pages timed: 4960 to 5000, one execution each, pages of 100 as the service's. */
    static final int FIRST_DEEP_PAGE = 5001 - EXECUTIONS;
    static final int PAGE_SIZE = 100;
    /** All of A's rows in the walk's order. */
    static final String A_IN_KEY_ORDER = "FROM mobile_app_install_status WHERE tenant_id = 'tenant-a' AND mobile_app_id = '"
            + APP + "' AND id >= '' ORDER BY tenant_id, mobile_app_id, id";

    /** What EclipseLink sends for the first page of the $filter (CollectionReader), with H2's LIMIT. */
    static final String FIRST_PAGE = "SELECT tenant_id, id, mobile_app_id, user_status_id, device_name, device_id, "
            + "display_version, error_code, install_state, install_state_detail, mobile_app_install_status_value, "
            + "last_sync_date_time, last_sync_ticks, os_version, os_description, user_name, user_principal_name, id "
            + "FROM mobile_app_install_status WHERE ((tenant_id = ?) AND (mobile_app_id = ?)) "
            + "AND ((install_state = ?) AND (last_sync_ticks >= ?)) AND (id >= ?) "
            + "ORDER BY tenant_id ASC, mobile_app_id ASC, id ASC LIMIT ? OFFSET ?";

    /** A later page of the walk by $skiptoken: after the previous page's last id. */
    static final String NEXT_PAGE = FIRST_PAGE.replace("AND ((install_state = ?) AND (last_sync_ticks >= ?)) AND (id >= ?)",
            "AND (id > ?)");

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        String phase = args[2];
        String url = "jdbc:h2:file:" + folder.toAbsolutePath() + "/graph;WRITE_DELAY=0;COMPRESS=TRUE";
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
            for (Path file : files.sorted(Comparator.comparingInt(H2ReadPlan::version)).toList()) {
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
                var all = sql.executeQuery("SELECT * " + A_IN_KEY_ORDER)) {
            while (all.next()) {
                rows++;
            }
        }
        System.out.printf("walk: %,d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
    }

    static void measure(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url)) {
            measure(db, "first page of the $filter", FIRST_PAGE,
                    // another second each time: no answer from H2's result cache
                    i -> List.of("tenant-a", APP, "failed", ticks(i), "", PAGE_SIZE + 1, 0));
            List<String> after = pageStarts(db);
            if (after.size() == EXECUTIONS) { // A has rows up to page 5000
                measure(db, "pages " + FIRST_DEEP_PAGE + "-5000 of the walk", NEXT_PAGE,
                        i -> List.of("tenant-a", APP, after.get(i), PAGE_SIZE + 1, 0));
            }
        }
    }

    /** The last id of the page before each deep page of A's walk in key order: their $skiptoken. */
    static List<String> pageStarts(Connection db) throws SQLException {
        List<String> starts = new ArrayList<>();
        // from the last row of page FIRST_DEEP_PAGE - 1 to the last row of page 4999
        try (var sql = db.createStatement(); var ids = sql.executeQuery("SELECT id " + A_IN_KEY_ORDER
                + " LIMIT " + ((EXECUTIONS - 1) * PAGE_SIZE + 1) + " OFFSET " + ((FIRST_DEEP_PAGE - 1) * PAGE_SIZE - 1))) {
            for (int row = 0; ids.next(); row++) {
                if (row % PAGE_SIZE == 0) {
                    starts.add(ids.getString(1));
                }
            }
        }
        return starts;
    }

    /**
     * H2's plan for {@code select} with the first executions' values (the index, the rows scanned and the
     * pages read; the column list left out), then {@link #EXECUTIONS} executions, each with its own values,
     * and the median of all but the first 10.
     */
    static void measure(Connection db, String label, String select, IntFunction<List<Object>> values) throws SQLException {
        String literal = select;
        for (Object value : values.apply(0)) {
            literal = literal.replaceFirst("\\?", value instanceof String text ? "'" + text + "'" : value.toString());
        }
        try (var sql = db.createStatement(); var plan = sql.executeQuery("EXPLAIN ANALYZE " + literal)) {
            plan.next();
            System.out.println(label + ":\n" + plan.getString(1).replaceAll("(?s)SELECT.*?FROM", "SELECT ... FROM"));
        }
        List<Double> times = new ArrayList<>();
        try (var prepared = db.prepareStatement(select)) {
            for (int i = 0; i < EXECUTIONS; i++) {
                long started = System.nanoTime();
                List<Object> parameters = values.apply(i);
                for (int p = 0; p < parameters.size(); p++) {
                    prepared.setObject(p + 1, parameters.get(p));
                }
                try (var page = prepared.executeQuery()) {
                    while (page.next()) {
                        // read every row, as the service does
                    }
                }
                times.add((System.nanoTime() - started) / 1e6);
            }
        }
        List<Double> settled = new ArrayList<>(times.subList(10, times.size()));
        Collections.sort(settled);
        System.out.printf("%s: median of the last %d of %d executions %.2f ms%n", label, settled.size(), EXECUTIONS,
                settled.get(settled.size() / 2));
    }

    /** lastSyncDateTime ge 2026-01-06T00:00:{second}Z in the service's ticks. */
    static long ticks(int second) {
        return JANUARY_FIRST_TICKS + (5 * 86_400L + second) * 10_000_000;
    }
}
