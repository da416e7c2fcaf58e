package org.graphstatus.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} is DOWN while the database cannot be reached, read its tables or take a write, so that
 * a load balancer sends no statuses to an instance that could not store them; liveness is untouched, as a
 * restart would not help.
 *
 * <p>The write is a row inserted and rolled back, in a table every schema has: it needs the room a status
 * needs (a page for the row and its index entry, which a full disk refuses), and leaves nothing behind. Each
 * probe's row has its own key, so the probes of several instances never wait for each other. On the embedded
 * H2 the row can succeed on a full disk (H2 stores changes later), so its disk's free space is asked too.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    /** One row of the one table every migrated schema has, on H2 and PostgreSQL alike. */
    static final String PROBE = "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"installed_rank\" = 1";

    /** A row of the throttling counters no request ever reads: its window starts before any time. */
    static final String WRITE = "INSERT INTO throttling_counter (bucket, window_start, requests) VALUES (?, -1, 0)";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    @Liveness // its qualifier: it is the liveness check too
    EmbeddedDatabaseDisk embeddedDisk;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement read = connection.createStatement();
                    PreparedStatement write = connection.prepareStatement(WRITE)) {
                // A read of a table, not Connection.isValid: once the embedded H2 has closed itself after a
                // failed write (a full disk), its connections stay valid while every statement fails.
                read.setQueryTimeout(TIMEOUT_SECONDS);
                read.executeQuery(PROBE).close();
                write.setQueryTimeout(TIMEOUT_SECONDS);
                write.setString(1, "readiness " + UUID.randomUUID());
                write.executeUpdate();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (embeddedDisk.full()) {
                return response.down().withData("error", "the embedded database's disk is full").build();
            }
            return response.up().build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
