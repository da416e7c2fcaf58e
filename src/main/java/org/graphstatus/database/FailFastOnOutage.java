package org.graphstatus.database;

import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * While the database is away, answer 503 at once instead of holding the request: EclipseLink otherwise
 * retries a failed read several times, seconds apart (10 s per request measured here). Retrying is the
 * client's call, told by {@code Retry-After}; reconnecting is the pool's (see server-config).
 */
public class FailFastOnOutage implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
