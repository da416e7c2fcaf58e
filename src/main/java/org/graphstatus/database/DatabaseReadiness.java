package org.graphstatus.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} is DOWN while the database cannot be reached or cannot read its tables, so that a load
 * balancer sends no statuses to an instance that could not store them; liveness is untouched, as a restart
 * would not help.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    /** One row of the one table every migrated schema has, on H2 and PostgreSQL alike. */
    static final String PROBE = "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"installed_rank\" = 1";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // A read of a table, not Connection.isValid: once the embedded H2 has closed itself after a failed
            // write (a full disk), its connections stay valid while every statement fails.
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.executeQuery(PROBE).close();
            return response.up().build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
