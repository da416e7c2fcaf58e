package org.graphstatus.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.graphstatus.StartupFailure;

/**
 * While the database is away, answer 503 at once instead of holding the request: EclipseLink otherwise
 * retries a failed read several times, seconds apart (10 s per request measured here). Retrying is the
 * client's call, told by {@code Retry-After}; reconnecting is the pool's (see server-config).
 *
 * <p>It also checks, once at deployment and before EclipseLink logs in, that the database can be reached at
 * all: a wrong host, port, user or data folder then ends the start with one line instead of a stack-trace
 * wall. This is the earliest code of ours that runs: Payara logs the persistence unit in before any bean.
 */
public class FailFastOnOutage implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
            if (login.getConnector() instanceof JNDIConnector jndi && jndi.getDataSource() != null) {
                checkReachable(jndi.getDataSource());
            }
        }
    }

    private static void checkReachable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException | RuntimeException e) {
            throw StartupFailure.exit("the database cannot be reached (" + StartupFailure.message(e, SQLException.class)
                    + "). Check PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD and PGSSLMODE for PostgreSQL, "
                    + "or GRAPH_DATA_DIR for the embedded H2.");
        }
    }
}
