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
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.graphstatus.startup.StartupFailure;
import org.h2.mvstore.MVStore;

/**
 * The disk under the embedded H2's file: its free space on {@code /metrics}
 * ({@code graph_database_disk_free_bytes}, {@code graph_database_disk_free_ratio}), a WARNING in the log when the
 * free part falls under {@code graph.disk.warn-below} (env {@code GRAPH_DISK_WARN_BELOW}, default 0.10), and
 * {@code /health/live}.
 *
 * <p>H2 closes the database after a write that failed (a full disk). The pool then retires its connections
 * (server-config/h2.asadmin), and the next one opens the file again, as it was last committed: once there is
 * space, the service works again by itself. If the file cannot be opened though the free space is back above
 * the threshold, liveness is DOWN and says why, for a supervisor to restart the process. Not while the disk is
 * still full: a restart cannot help then. Readiness is DOWN while no write can be stored (DatabaseReadiness),
 * and while this disk has no room ({@link #full}).
 * PostgreSQL's disk is the operator's: nothing of this runs there.
 */
@Liveness
@ApplicationScoped
public class EmbeddedDatabaseDisk implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseDisk.class.getName());
    static final long EVERY_SECONDS = 5;
    static final double DEFAULT_WARN_BELOW = 0.10;
    /** Room for the chunks H2 writes as it stores a few statuses' pages. */
    static final long ROOM = 1 << 20;
    /** Above this much free at the last measurement ({@link #EVERY_SECONDS} ago at most), no write can fill the disk before the next. */
    static final long MEASURE_BELOW = 64L << 20;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MetricRegistry registry;

    @Inject
    Config config;

    private volatile FileStore disk;
    private volatile Path file;
    private double warnBelow;
    private volatile long free;
    private volatile long total;
    private boolean low;
    private ScheduledFuture<?> checks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        warnBelow = warnBelow(config.getOptionalValue("graph.disk.warn-below", String.class).orElse(null));
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = H2FileCompaction.store(dataSource, connection);
            if (store == null || store.getFileStore() == null) {
                return;
            }
            file = Path.of(store.getFileStore().getFileName()).toAbsolutePath();
            disk = Files.getFileStore(file);
        } catch (SQLException | ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "The embedded database's disk is not watched", e);
            return;
        }
        measure();
        registry.gauge(Metadata.builder().withName("graph_database_disk_free_bytes")
                .withDescription("free bytes on the disk of the embedded database's file").build(), () -> free);
        registry.gauge(Metadata.builder().withName("graph_database_disk_free_ratio")
                .withDescription("free part of the disk of the embedded database's file").build(), this::freeRatio);
        checks = scheduler.scheduleWithFixedDelay(this::measure, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** The setting, a fraction of the disk; anything else stops the start. */
    static double warnBelow(String setting) {
        if (setting == null) {
            return DEFAULT_WARN_BELOW;
        }
        try {
            double value = Double.parseDouble(setting.strip());
            if (value > 0 && value < 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw StartupFailure.cannotStart("graph.disk.warn-below (GRAPH_DISK_WARN_BELOW) is '" + setting
                + "': it is the free part of the disk under which to warn, between 0 and 1, e.g. 0.10");
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    synchronized void measure() {
        try {
            free = disk.getUsableSpace();
            total = disk.getTotalSpace();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "The disk could not be measured", e);
            return;
        }
        boolean nowLow = freeRatio() < warnBelow;
        if (nowLow && !low) {
            LOG.log(Level.WARNING, "The disk of the embedded database {0} has {1} MB free, {2}% of it: under {3}%. "
                    + "When it is full, writes answer 503 until there is space again.",
                    new Object[] {file, free >> 20, Math.round(freeRatio() * 100), Math.round(warnBelow * 100)});
        } else if (!nowLow && low) {
            LOG.log(Level.INFO, "The disk of the embedded database {0} has {1}% free again",
                    new Object[] {file, Math.round(freeRatio() * 100)});
        }
        low = nowLow;
    }

    /**
     * Whether the embedded database's disk has no room for H2's next writes (under {@link #ROOM} free), measured
     * now when it was last near full. H2 keeps a reopened file's changes in memory until it stores them, so a write that a probe makes and
     * rolls back succeeds on a full disk; the free space says what it cannot.
     */
    boolean full() {
        if (disk == null || free >= MEASURE_BELOW) { // far from full when last measured: no system call per write
            return false;
        }
        measure();
        return free < ROOM;
    }

    double freeRatio() {
        return total > 0 ? (double) free / total : 1;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("embedded-database");
        if (disk == null) {
            return response.up().build();
        }
        measure();
        if (freeRatio() < warnBelow) {
            return response.up().build();
        }
        String failure = cannotOpen();
        if (failure == null) {
            return response.up().build();
        }
        return response.down().withData("reason", "The embedded database cannot be opened though its disk has "
                + Math.round(freeRatio() * 100) + "% free (" + failure + "): restart the process").build();
    }

    /** Why the database cannot store or be opened, as H2 says it, or null when it can be read. */
    private String cannotOpen() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery(DatabaseReadiness.PROBE).close();
            return null;
        } catch (SQLException | RuntimeException e) {
            return DatabaseFailures.cannotStore(e) ? String.valueOf(e.getMessage()).lines().findFirst().orElse("") : null;
        }
    }
}
