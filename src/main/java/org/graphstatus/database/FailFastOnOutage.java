package org.graphstatus.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.graphstatus.StartupFailure;

/**
 * While the database is away, answer 503 at once instead of holding the request: EclipseLink otherwise
 * retries a failed read several times, seconds apart (10 s per request measured here). Retrying is the
 * client's call, told by {@code Retry-After}; reconnecting is the pool's (see server-config).
 *
 * <p>Every statement gets a time limit, {@code graph.query.timeout} seconds (env {@code GRAPH_QUERY_TIMEOUT},
 * default 5), after which the database cancels it: a {@code $count}, an order no index serves or a
 * {@code contains()} over a large collection cannot hold a connection for long, and the client is told 503
 * with {@code Retry-After} (DatabaseFailures).
 *
 * <p>It also checks, once at deployment and before EclipseLink logs in, that the database can be reached at
 * all: a wrong host, port, user or data folder then ends the start with one line instead of a stack-trace
 * wall. This is the earliest code of ours that runs: Payara logs the persistence unit in before any bean.
 *
 * <p>The customizer interface is the {@code config} package's: every Payara 6 has it. EclipseLink 4.0.7
 * (Payara 6.2025.10) moved the method to {@code sessions.SessionCustomizer} and made the old one extend it,
 * but EclipseLink 4.0.1 (Payara 6.2025.9 and older) has no {@code sessions.SessionCustomizer}: implementing
 * that one failed the deployment there with {@code NoClassDefFoundError}. The build compiles against 4.0.1.
 */
public class FailFastOnOutage implements SessionCustomizer {

    static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 5;

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
            session.setQueryTimeoutDefault(ConfigProvider.getConfig()
                    .getOptionalValue("graph.query.timeout", Integer.class).orElse(DEFAULT_QUERY_TIMEOUT_SECONDS));
            session.setQueryTimeoutUnitDefault(TimeUnit.SECONDS);
            if (login.getConnector() instanceof JNDIConnector jndi && jndi.getDataSource() != null) {
                checkReachable(session, jndi.getDataSource());
            }
        }
    }

    private static void checkReachable(Session session, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException | RuntimeException e) {
            // The session is given up: its log would repeat the reason under a stack-trace wall (on a Payara
            // Server domain, where the failure ends the deployment rather than the JVM).
            session.setLogLevel(SessionLog.OFF);
            throw StartupFailure.exit("the database cannot be reached (" + StartupFailure.message(e, SQLException.class)
                    + "). Check PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD and PGSSLMODE for PostgreSQL, "
                    + "or GRAPH_DATA_DIR for the embedded H2.");
        }
    }
}
