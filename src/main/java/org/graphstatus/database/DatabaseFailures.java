package org.graphstatus.database;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;
import org.graphstatus.odata.GraphException;

/**
 * Which database failures are not faults of the service, by SQLSTATE, and what the client is told: the
 * database cannot be reached, cannot store (a full disk) or failed to commit (503 with {@code Retry-After}),
 * or a constraint broke in a race with another request (409). Everything else is a fault of ours.
 */
public final class DatabaseFailures {

    /** Seconds a client is asked to wait while the database is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFailures() {
    }

    /** What to answer for {@code e}, or empty when it is not a database failure a client may be told of. */
    public static Optional<GraphException> classify(Throwable e) {
        if (timedOut(e)) {
            return Optional.of(GraphException.unavailable("The query took too long and was stopped; narrow it "
                    + "($filter, $top, no $count) or retry later.", RETRY_AFTER_SECONDS));
        }
        if (unreachable(e)) {
            return Optional.of(GraphException.unavailable("The service cannot reach its database; retry later.",
                    RETRY_AFTER_SECONDS));
        }
        if (cannotStore(e)) {
            return Optional.of(GraphException.unavailable("The database cannot store data right now (its disk may "
                    + "be full); retry later.", RETRY_AFTER_SECONDS));
        }
        if (lostARace(e)) {
            return Optional.of(GraphException.conflict(
                    "Another request changed the same resources at the same time; read them again and retry."));
        }
        // last: a race's or an outage's commit failure says so further down, and is answered as such above
        if (commitFailed(e)) {
            return Optional.of(GraphException.unavailable("The database could not commit the change; retry later.",
                    RETRY_AFTER_SECONDS));
        }
        return Optional.empty();
    }

    /** A statement cancelled somewhere in the causes (SQLSTATE 57014): it ran past graph.query.timeout. */
    public static boolean timedOut(Throwable e) {
        return anyCause(e, cause -> sqlState(cause, "57014"));
    }

    /**
     * A connection failure somewhere in the causes: SQLSTATE class 08 (connection exception), 57P (the
     * database is shutting down, e.g. "terminating connection due to administrator command" on a pooled
     * connection), a JDBC connection exception, or the server's pool failing to hand out a connection.
     */
    static boolean unreachable(Throwable e) {
        return anyCause(e, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException || sqlStateClass(cause, "08")
                || sqlStateClass(cause, "57P") || cause instanceof ResourceException);
    }

    /**
     * The database's storage failed, as when its disk is full: an I/O failure under a database error, PostgreSQL's
     * SQLSTATE class 53 (insufficient resources: 53100 disk full, 53200 out of memory, 53300 too many
     * connections), or the embedded H2's store failing (its MVStoreException) and what follows it: H2 closes the
     * database after a failed write (90098), and a connection opened meanwhile finds the file still locked (90020),
     * the database shutting down (90121) or, at worst, a file it cannot read (90030).
     */
    static boolean cannotStore(Throwable e) {
        return anyCause(e, cause -> cause instanceof SQLException && anyCause(cause.getCause(), IOException.class::isInstance)
                || sqlStateClass(cause, "53")
                || sqlState(cause, "90098") || sqlState(cause, "90020") || sqlState(cause, "90121") || sqlState(cause, "90030")
                || cause.getClass().getName().equals("org.h2.mvstore.MVStoreException"));
    }

    /**
     * The transaction manager failed to commit (a {@code SystemException}, or the {@code XAException} of a
     * resource), without saying why further down: the resource's own failure is only in the message. The
     * database failed, not the request.
     */
    static boolean commitFailed(Throwable e) {
        return anyCause(e, cause -> cause instanceof SystemException || cause instanceof XAException);
    }

    /**
     * A race with another request: SQLSTATE class 23 (integrity constraint violation; every check a request
     * can fail is made before it writes, so this is e.g. a status created under a user status that another
     * request deleted meanwhile; the foreign keys keep the data whole), class 40 (the database rolled the
     * transaction back: a deadlock, 40P01, or a serialization failure, 40001), or H2's lock timeout (HYT00).
     * The client reads again and retries.
     */
    static boolean lostARace(Throwable e) {
        return anyCause(e, cause -> sqlStateClass(cause, "23") || sqlStateClass(cause, "40")
                || sqlStateClass(cause, "HYT00"));
    }

    static boolean sqlState(Throwable cause, String state) {
        return cause instanceof SQLException sql && state.equals(sql.getSQLState());
    }

    private static boolean sqlStateClass(Throwable cause, String stateClass) {
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass);
    }

    /** Whether {@code e} or any of its causes is such a failure; a cause that is its own ends the chain. */
    static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
