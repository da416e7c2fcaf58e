import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own ceiling for bench/speed.sh: what a create asks of it (read the app, insert one status,
 * commit), from 16 JDBC threads at once and nothing else: no HTTP, no token, no JPA. Run on a fresh schema
 * made from the service's migrations; the H2 URL carries the service's settings (WRITE_DELAY=0;COMPRESS=TRUE).
 *   java -cp h2.jar:postgresql.jar DatabaseCeiling.java jdbc-url seconds
 * Prints: RESULT commits/s
 */
public class DatabaseCeiling {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection(url)) {
            for (String migration : List.of("V1__install_statuses.sql", "V2__status_indexes.sql", "V3__user_status_order.sql")) {
                String sql = Files.readString(Path.of("src/main/resources/db/migration", migration)).replaceAll("--[^\n]*", "");
                for (String statement : sql.split(";")) {
                    if (!statement.isBlank()) {
                        c.createStatement().execute(statement);
                    }
                }
            }
            c.createStatement().execute("INSERT INTO mobile_app (id, odata_type, is_featured, publishing_state, upload_state,"
                    + " derived_properties, created_date_time, last_modified_date_time)"
                    + " VALUES ('app', '#microsoft.graph.webApp', false, 'published', 0, '{}', 't', 't')");
        }
        var commits = new AtomicLong();
        var counting = new AtomicBoolean();
        var stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    PreparedStatement app = c.prepareStatement("SELECT * FROM mobile_app WHERE id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO mobile_app_install_status (id, mobile_app_id,"
                            + " device_name, device_id, error_code, install_state, install_state_detail,"
                            + " mobile_app_install_status_value, last_sync_date_time, last_sync_ticks, os_version,"
                            + " os_description, user_name, user_principal_name, display_version)"
                            + " VALUES (?, 'app', 'bench', 'd-1', 0, 'installed', 'noAdditionalDetails', 'installed',"
                            + " '2026-11-29T10:00:00.1234567+01:00', ?, '10.0.22631', 'Windows 11', 'Ann', 'ann@contoso.example', '1.2.3')");
                    while (!stop.get()) {
                        app.setString(1, "app");
                        app.executeQuery().close();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setLong(2, System.nanoTime());
                        insert.executeUpdate();
                        c.commit();
                        if (counting.get()) {
                            commits.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(5_000); // JIT and caches
        counting.set(true);
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long counted = commits.get();
        double elapsed = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("RESULT %.1f%n", counted / elapsed);
    }
}
