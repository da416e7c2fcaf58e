package org.graphstatus.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.graphstatus.startup.StartupFailure;

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
 * <p>It also adds {@link DatabaseConnections}' listener: a persistence unit names one listener only.
 *
 * <p>It is a session event listener ({@code eclipselink.session-event-listener}), not a session customizer,
 * because no customizer interface exists in every EclipseLink the supported servers ship: 4.0.1 (Payara
 * 6.2025.9) has only {@code config.SessionCustomizer}, 5.0 (Payara 7) only {@code sessions.SessionCustomizer}.
 * {@code SessionEventAdapter} and everything used here are the same in 4.0 and 5.0; the build compiles against
 * 4.0.1 and {@code PayaraServerIT} deploys on both majors.
 */
public class FailFastOnOutage extends SessionEventAdapter {

    static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 5;

    @Override
    public void preLogin(SessionEvent event) {
        Session session = event.getSession();
        session.getEventManager().addListener(DatabaseConnections.WATCHING);
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
            throw StartupFailure.cannotStart("the database cannot be reached (" + StartupFailure.message(e, SQLException.class)
                    + "). Check PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD and PGSSLMODE for PostgreSQL, "
                    + "or GRAPH_DATA_DIR for the embedded H2.");
        }
    }
}
