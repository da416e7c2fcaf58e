package org.graphstatus.odata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a fault of ours becomes a 500 in Graph's envelope, and its stack trace goes to the log
 * under the request-id the client was given, never to the client. A database that cannot be reached is not
 * a fault of the request: it is a 503 with {@code Retry-After}, and one log line. A constraint that a concurrent
 * change broke is a 409.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    /** Seconds a client is asked to wait while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(Throwable e) {
        if (databaseUnreachable(e)) {
            LOG.warning(() -> "request-id " + RequestIds.requestId(request) + ": database unreachable: " + e);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(GraphError.envelope("ServiceUnavailable",
                            "The service cannot reach its database; retry later.", request))
                    .build();
        }
        if (integrityViolation(e)) {
            LOG.info(() -> "request-id " + RequestIds.requestId(request) + ": conflicting concurrent change: " + e);
            return Response.status(Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(GraphError.envelope("Conflict",
                            "Another request changed the same resources at the same time; read them again and retry.",
                            request))
                    .build();
        }
        LOG.log(Level.SEVERE, "request-id " + RequestIds.requestId(request) + " failed", e);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphError.envelope("InternalServerError", "The service hit an unexpected error.", request))
                .build();
    }

    /**
     * SQLSTATE class 23 (integrity constraint violation) at commit: every check a request can fail is made
     * before it writes, so this is a race with another request, e.g. a status created under a user status
     * that another request deleted meanwhile. The foreign keys keep the data whole; the client retries.
     */
    static boolean integrityViolation(Throwable e) {
        return anyCause(e, cause -> sqlStateClass(cause, "23"));
    }

    /**
     * A connection failure somewhere in the causes: SQLSTATE class 08 (connection exception), 57P (the
     * database is shutting down, e.g. "terminating connection due to administrator command" on a pooled
     * connection), a JDBC connection exception, or the server's pool failing to hand out a connection.
     */
    static boolean databaseUnreachable(Throwable e) {
        return anyCause(e, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException || sqlStateClass(cause, "08")
                || sqlStateClass(cause, "57P") || cause instanceof jakarta.resource.ResourceException);
    }

    private static boolean sqlStateClass(Throwable cause, String stateClass) {
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass);
    }

    /** Whether {@code e} or any of its causes is such a failure; a cause that is its own ends the chain. */
    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
