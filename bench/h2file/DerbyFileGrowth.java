import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * H2FileGrowth's measurement on Apache Derby, the embedded database named as H2's alternative:
 * it writes a log and updates its table pages in place, where H2 2.2 writes a new chunk a commit. The same
 * schema (the service's migrations V1-V4, ported where Derby refuses them: VARCHAR(65536) and
 * V4's VARCHAR(4194304) are longer than Derby's longest VARCHAR, 32672, and V3 drops an index Derby never made) and the same work: 16 JDBC threads
 * each read the app, insert one status and commit, until the table holds the given row counts. Sizes are of
 * the database folder (tables, indexes and log). For bench/h2-file.sh's part 1.
 *   java -cp derby.jar:derbyshared.jar DerbyFileGrowth.java folder sync|test rows...
 *   java -cp ... DerbyFileGrowth.java folder sync|test crash   (writes until killed, printing "ACK n" lines)
 *   java -cp ... DerbyFileGrowth.java folder sync|test count   (prints the statuses found)
 * sync: Derby's default durability, the log forced to disk at each commit; test: derby.system.durability=test,
 * no forcing at all (Derby: "a crash may corrupt the database").
 * Prints one RESULT line per row count, then the size after shutdown and after SYSCS_COMPRESS_TABLE.
 */
public class DerbyFileGrowth {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]).toAbsolutePath();
        if (args[1].equals("test")) {
            System.setProperty("derby.system.durability", "test");
        }
        String url = "jdbc:derby:" + folder.resolve("graph");
        if (args[2].equals("count")) {
            try (Connection c = DriverManager.getConnection(url);
                    ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM mobile_app_install_status")) {
                count.next();
                System.out.println("COUNT " + count.getLong(1));
            }
            return;
        }
        boolean crash = args[2].equals("crash");
        List<Long> counts = new ArrayList<>();
        for (int i = 2; i < args.length && !crash; i++) {
            counts.add(Long.parseLong(args[i]));
        }
        try (Connection admin = DriverManager.getConnection(url + ";create=true")) {
            for (String migration : List.of("V1__install_statuses.sql", "V2__status_indexes.sql", "V3__user_status_order.sql",
                    "V4__graph_2023_members_and_large_icons.sql")) {
                String sql = Files.readString(Path.of("src/main/resources/db/migration", migration)).replaceAll("--[^\n]*", "")
                        .replace("VARCHAR(65536)", "VARCHAR(32672)"); // Derby's longest VARCHAR
                for (String statement : sql.split(";")) {
                    // Derby shares the foreign key's own index instead of creating ix_user_status_app, so V3 has
                    // nothing to drop; V4's longer VARCHARs exceed Derby's longest
                    if (!statement.isBlank() && !statement.contains("DROP INDEX ix_user_status_app")
                            && !statement.contains("VARCHAR(4194304)")) {
                        admin.createStatement().execute(statement);
                    }
                }
            }
            admin.createStatement().execute("INSERT INTO mobile_app (id, odata_type, is_featured, publishing_state, upload_state,"
                    + " derived_properties, created_date_time, last_modified_date_time)"
                    + " VALUES ('app', '#microsoft.graph.webApp', false, 'published', 0, '{}', 't', 't')");
        }

        long last = crash ? Long.MAX_VALUE : counts.get(counts.size() - 1);
        var rows = new AtomicLong();
        var acknowledged = new AtomicLong();
        var stop = new AtomicBoolean();
        var maxSize = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            threads.add(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    PreparedStatement app = c.prepareStatement("SELECT * FROM mobile_app WHERE id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO mobile_app_install_status (id, mobile_app_id,"
                            + " device_name, device_id, error_code, install_state, install_state_detail,"
                            + " mobile_app_install_status_value, last_sync_date_time, last_sync_ticks, os_version,"
                            + " os_description, user_name, user_principal_name, display_version)"
                            + " VALUES (?, 'app', 'bench', 'd-1', 0, 'installed', 'noAdditionalDetails', 'installed',"
                            + " '2026-11-29T10:00:00.1234567+01:00', ?, '10.0.22631', 'Windows 11', 'Ann', 'ann@contoso.example', '1.2.3')");
                    while (!stop.get() && rows.incrementAndGet() <= last) {
                        app.setString(1, "app");
                        app.executeQuery().close();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setLong(2, System.nanoTime());
                        insert.executeUpdate();
                        c.commit();
                        acknowledged.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                maxSize.accumulateAndGet(size(folder), Math::max);
                if (crash) {
                    // each number printed was acknowledged (committed) before it was printed
                    System.out.println("ACK " + acknowledged.get());
                    System.out.flush();
                }
                try {
                    Thread.sleep(crash ? 20 : 100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        sampler.start();
        for (long count : counts) {
            while (acknowledged.get() < count) {
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("RESULT rows=%d rows/s=%.0f size=%.1f MiB largest=%.1f MiB%n", count, count / seconds,
                    size(folder) / 1048576.0, Math.max(maxSize.get(), size(folder)) / 1048576.0);
        }
        if (crash) {
            sampler.join(); // until the process is killed
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        shutdown(url);
        System.out.printf("after shutdown: %.1f MiB%n", size(folder) / 1048576.0);
        try (Connection c = DriverManager.getConnection(url)) {
            for (String table : List.of("MOBILE_APP_INSTALL_STATUS", "MOBILE_APP")) {
                c.createStatement().execute("CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE('APP', '" + table + "', 1)");
            }
            c.createStatement().execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
        }
        shutdown(url);
        System.out.printf("after SYSCS_COMPRESS_TABLE: %.1f MiB%n", size(folder) / 1048576.0);
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) { // Derby reports a clean shutdown of one database as 08006
                throw new IllegalStateException(e);
            }
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // a log file removed while walking: the next sample counts again
        }
    }
}
