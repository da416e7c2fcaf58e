package org.graphstatus.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.graphstatus.startup.StartupFailure;
import org.graphstatus.security.Tenants;

/**
 * Brings the database to the schema of this version at deployment, before the first request: the versioned
 * SQL files in {@code db/migration}, the same on H2 and PostgreSQL. Flyway's lock lets several instances
 * start on one database at once. Migration 6 moves the rows of earlier versions into the default tenant
 * ({@code graph.tenants.default}), which it is given as the placeholder {@code defaultTenant}.
 */
@ApplicationScoped
public class SchemaMigration {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "graph.tenants.default", defaultValue = Tenants.DEFAULT)
    String defaultTenant;

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object start) {
        if (!Tenants.valid(defaultTenant)) {
            throw StartupFailure.cannotStart("graph.tenants.default (GRAPH_TENANTS_DEFAULT) is not a tenant id: '"
                    + defaultTenant + "' (" + Tenants.RULE + ")");
        }
        try {
            flyway(defaultTenant).dataSource(dataSource).load().migrate();
        } catch (FlywayException e) {
            // e.g. a database migrated by a newer version, or one that holds other tables: never guess
            throw StartupFailure.cannotStart("the database schema cannot be brought to this version: "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /**
     * The migrations as the service runs them, for a database given next; the migration tests and benches
     * use it too, so they test this set-up.
     */
    public static FluentConfiguration flyway(String defaultTenant) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .locations("classpath:db/migration")
                .placeholders(Map.of("defaultTenant", defaultTenant));
    }
}
