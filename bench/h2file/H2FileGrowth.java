import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.graphstatus.database.TimeOrderedIds;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * How H2's file grows under creates, without the service: 16 JDBC threads each read the app, insert one
 * status and commit (what a create asks of the database, without the group commit), on a fresh schema made
 * from all the service's migrations, until the table holds the given row counts.
 *   ./mvnw compile  # for the service's TimeOrderedIds
 *   [IDS=ordered] java -cp h2-2.2.224.jar:target/classes bench/h2file/H2FileGrowth.java folder url-settings lever rows...
 * lever: none | compact:everyMs:fillRate:bytes (MVStore.compact, what H2's background writer does, with the
 *        retention time 0 as database/H2FileCompaction sets it)
 *      | compactFile:everyMs:maxMs (MVStore.compactFile: rewrites, moves chunks, truncates)
 * Prints one RESULT line per row count, then: size after close, and after SHUTDOWN COMPACT.
 */
public class H2FileGrowth {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String url = "jdbc:h2:file:" + folder.toAbsolutePath() + "/graph" + (args[1].contains("WRITE_DELAY") ? "" : ";WRITE_DELAY=0") + args[1];
        String[] lever = args[2].split(":");
        List<Long> counts = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            counts.add(Long.parseLong(args[i]));
        }
        File file = folder.resolve("graph.mv.db").toFile();
        Connection admin = DriverManager.getConnection(url);
        List<Path> migrations;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.sorted(Comparator.comparingInt(H2FileGrowth::version)).toList();
        }
        for (Path migration : migrations) {
            String sql = Files.readString(migration).replaceAll("--[^\n]*", "").replace("${defaultTenant}", "t");
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    admin.createStatement().execute(statement);
                }
            }
        }
        admin.createStatement().execute("INSERT INTO mobile_app (tenant_id, id, odata_type, is_featured, publishing_state, upload_state,"
                + " derived_properties, created_date_time, last_modified_date_time)"
                + " VALUES ('t', 'app', '#microsoft.graph.webApp', false, 'published', 0, '{}', 't', 't')");
        MVStore store = ((SessionLocal) admin.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();

        long last = counts.get(counts.size() - 1);
        var rows = new AtomicLong();
        var stop = new AtomicBoolean();
        var maxSize = new AtomicLong();
        var compactions = new AtomicLong();
        var compactNanos = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    PreparedStatement app = c.prepareStatement("SELECT * FROM mobile_app WHERE tenant_id = 't' AND id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO mobile_app_install_status (tenant_id, id, mobile_app_id,"
                            + " device_name, device_id, error_code, install_state, install_state_detail,"
                            + " mobile_app_install_status_value, last_sync_date_time, last_sync_ticks, os_version,"
                            + " os_description, user_name, user_principal_name, display_version)"
                            + " VALUES ('t', ?, 'app', 'bench', 'd-1', 0, 'installed', 'noAdditionalDetails', 'installed',"
                            + " '2026-11-29T10:00:00.1234567+01:00', ?, '10.0.22631', 'Windows 11', 'Ann', 'ann@contoso.example', '1.2.3')");
                    while (!stop.get() && rows.incrementAndGet() <= last) {
                        app.setString(1, "app");
                        app.executeQuery().close();
                        insert.setString(1, ORDERED ? TimeOrderedIds.next() : UUID.randomUUID().toString());
                        insert.setLong(2, System.nanoTime());
                        insert.executeUpdate();
                        c.commit();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
        }
        Thread lever2 = new Thread(() -> {
            if (lever[0].equals("none")) {
                return;
            }
            store.setRetentionTime(0);
            long every = Long.parseLong(lever[1]);
            while (!stop.get()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                long started = System.nanoTime();
                if (lever[0].equals("compact")) {
                    store.compact(Integer.parseInt(lever[2]), Integer.parseInt(lever[3]));
                } else {
                    store.compactFile(Integer.parseInt(lever[2]));
                }
                compactNanos.addAndGet(System.nanoTime() - started);
                compactions.incrementAndGet();
            }
        });
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                maxSize.accumulateAndGet(file.length(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        lever2.start();
        sampler.start();
        for (long count : counts) {
            while (rows.get() < count) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            maxSize.accumulateAndGet(file.length(), Math::max);
            System.out.printf("RESULT rows=%d seconds=%.1f rows/s=%.0f size=%.1fMiB max=%.1fMiB fill=%d%% chunksFill=%d%% compactions=%d compactMs=%.0f%n",
                    count, seconds, count / seconds, mib(file.length()), mib(maxSize.get()), store.getFillRate(),
                    store.getFileStore().getChunksFillRate(), compactions.get(), compactNanos.get() / 1e6);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        stop.set(true);
        lever2.join();
        sampler.join();
        admin.close();
        System.out.printf("CLOSED size=%.1fMiB%n", mib(file.length()));
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("SHUTDOWN COMPACT");
        }
        System.out.printf("COMPACTED size=%.1fMiB%n", mib(file.length()));
    }

    /** IDS=ordered: the service's own version 7 ids; else random (version 4) ones, as the service made before. */
    static final boolean ORDERED = "ordered".equals(System.getenv("IDS"));

    /** V6__tenants.sql's 6. */
    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }
}
