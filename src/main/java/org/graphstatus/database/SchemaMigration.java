package org.graphstatus.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.graphstatus.StartupFailure;

/**
 * Brings the database to the schema of this version at deployment, before the first request: the versioned
 * SQL files in {@code db/migration}, the same on H2 and PostgreSQL. Flyway's lock lets several instances
 * start on one database at once.
 */
@ApplicationScoped
public class SchemaMigration {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object start) {
        try {
            Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            // e.g. a database migrated by a newer version, or one that holds other tables: never guess
            throw StartupFailure.exit("the database schema cannot be brought to this version: "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
    }
}
