package org.graphstatus.database;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps the embedded H2's file from filling the disk under sustained writes. With {@code WRITE_DELAY=0}
 * (server-config/h2.asadmin, which CrashIT needs) every commit writes a new chunk of the file, and H2 2.2
 * rewrites mostly-dead chunks and gives their space back only in its background writer, which it does not
 * start with that setting: 60,000 inserts left a 2.2 GB file for 14.5 MB of data (bench/h2file). So this
 * does that thread's work itself, every {@value #EVERY_MILLISECONDS} ms:
 * <ul>
 * <li>while statuses are being written, {@link MVStore#compact} rewrites the live pages of the sparsest
 * chunks, at most {@value #REWRITE_BYTES} bytes a turn, so that commits wait on H2's store lock for tens of
 * milliseconds at most; with the retention time 0 the chunks it empties are reused at the next commit.
 * With compressed pages ({@code COMPRESS=TRUE}, server-config/h2.asadmin) and time-ordered ids
 * ({@link TimeOrderedIds}: new index entries go to the end of each index, not into pages all over it) the
 * file stayed within 2.4 times its compacted size after five minutes of creates at full speed; with random
 * ids 4.4 times, with plain pages 12 to 17 times (bench/README.md, "H2's file");</li>
 * <li>when no commit came since the last turn, {@link MVStore#compactFile} also moves the chunks together
 * and truncates the file. It can hold the lock for a second (3 s for the first turn on a 550 MB file
 * left by an older version), which only an idle database can spare.</li>
 * <li>while the disk has less room than the file's size, it does neither, and gives H2 back its retention time
 * of 45 s: with the retention time 0 a write that failed on a full disk (DiskFullIT) left a file H2 could
 * not open, the chunks of the last version it could have read already overwritten. Without the compaction
 * the same fill left every acknowledged status readable.</li>
 * </ul>
 * Nothing acknowledged is at risk otherwise: it moves only committed pages, and a killed process leaves H2's
 * file as consistent as ever. The retention time (45 s by default) guards against a power cut before the OS writes
 * its buffers, which H2 here does not survive anyway (it does not fsync a commit, see docs/operating.md);
 * {@code compactFile} sets it to 0 as well.
 *
 * <p>Only on an embedded H2 file (PostgreSQL and a remote H2 have nothing for it to do). H2 is Payara Micro's
 * own (2.2.224), compiled against as {@code provided}: no SQL command compacts a running database.
 */
@ApplicationScoped
public class H2FileCompaction {

    private static final Logger LOG = Logger.getLogger(H2FileCompaction.class.getName());
    static final long EVERY_MILLISECONDS = 250;
    static final int REWRITE_BYTES = 1 << 20;
    /** H2's own target for its background writer: rewrite while fewer than 90% of the chunks' bytes are live. */
    static final int TARGET_FILL_PERCENT = 90;

    /** H2's default: chunks freed within it are not overwritten, so a failed write leaves the last version. */
    static final int H2_RETENTION_MILLISECONDS = 45_000;

    /** Turns that compacted something: {@code pages} rewritten while writes came, the {@code file} shrunk when idle. */
    private static final Metadata COMPACTIONS = Metadata.builder().withName("graph_h2_compactions")
            .withDescription("Compaction turns of the embedded H2 database's file, by kind").build();

    private long lastVersion = -1;
    private FileStore disk;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> turns;

    @Inject
    MetricRegistry registry;

    /** The file's size at the last turn, for the gauge. */
    private volatile long fileBytes;

    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        try (Connection connection = dataSource.getConnection()) {
            if (store(dataSource, connection) != null) {
                registry.gauge(Metadata.builder().withName("graph_h2_file_size").withUnit(MetricUnits.BYTES)
                        .withDescription("Size of the embedded H2 database's file at the last compaction turn").build(),
                        this, compaction -> compaction.fileBytes);
                turns = scheduler.scheduleWithFixedDelay(this::compact, EVERY_MILLISECONDS, EVERY_MILLISECONDS,
                        TimeUnit.MILLISECONDS);
            }
        } catch (SQLException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "H2 file compaction not started", e);
        }
    }

    @PreDestroy
    void stop() {
        if (turns != null) {
            turns.cancel(false);
        }
    }

    void compact() {
        // An exception would end the schedule: a failed turn is logged and the next one tries again.
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(dataSource, connection);
            if (store == null || store.isClosed()) {
                return;
            }
            if (diskLow(store)) {
                store.setRetentionTime(H2_RETENTION_MILLISECONDS);
                return;
            }
            store.setRetentionTime(0);
            long version = store.getCurrentVersion();
            if (version == lastVersion) {
                long before = store.getFileStore().size();
                store.compactFile(1);
                if (store.getFileStore().size() < before) {
                    registry.counter(COMPACTIONS, new Tag("kind", "file")).inc();
                }
            } else if (store.compact(TARGET_FILL_PERCENT, REWRITE_BYTES)) {
                registry.counter(COMPACTIONS, new Tag("kind", "pages")).inc();
            }
            lastVersion = store.getCurrentVersion();
            fileBytes = store.getFileStore().size();
        } catch (SQLException | ReflectiveOperationException | IOException | RuntimeException e) {
            LOG.log(Level.FINE, "H2 file compaction turn failed", e);
        }
    }

    /** Whether the disk under the store's file has less room than the file takes. */
    private boolean diskLow(MVStore store) throws IOException {
        if (disk == null) {
            disk = Files.getFileStore(Path.of(store.getFileStore().getFileName()));
        }
        return disk.getUsableSpace() < store.getFileStore().size();
    }

    /** The MVStore behind a connection of {@code dataSource} to an embedded H2, else null. */
    static MVStore store(DataSource dataSource, Connection connection) throws SQLException, ReflectiveOperationException {
        // Payara's pooled connection unwraps to interfaces only ("JdbcConnection is not an interface"); GlassFish's
        // com.sun.appserv.jdbc.DataSource#getConnection(Connection) returns the driver's connection behind it.
        Object physical = dataSource.getClass().getMethod("getConnection", Connection.class).invoke(dataSource, connection);
        if (physical instanceof JdbcConnection h2 && h2.getSession() instanceof SessionLocal session
                && session.getDatabase().getStore() != null) {
            return session.getDatabase().getStore().getMvStore();
        }
        return null;
    }
}
