package org.graphstatus.http;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.graphstatus.database.DatabaseFailures;
import org.graphstatus.odata.GraphError;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.RequestIds;

/**
 * The last line, classify then render: a database failure that is not the request's fault (unreachable:
 * 503 with {@code Retry-After}; a constraint a concurrent change broke: 409) is answered as such with one
 * log line; anything else is a fault of ours, a 500 in Graph's envelope whose stack trace goes to the log
 * under the request-id the client was given, never to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    static final Metadata TIMEOUTS = Metadata.builder().withName("graph_statement_timeouts")
            .withDescription("Database statements cancelled for running past graph.query.timeout").build();

    @Inject
    MetricRegistry registry;

    @Override
    public Response toResponse(Throwable e) {
        return answer(e, request, registry);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The answer to an exception no other mapper took, for this request. */
    static Response answer(Throwable e, HttpServletRequest request, MetricRegistry registry) {
        if (DatabaseFailures.timedOut(e)) {
            registry.counter(TIMEOUTS).inc();
        }
        Optional<GraphException> known = DatabaseFailures.classify(e);
        if (known.isPresent()) {
            // one line: the database's own message is many, with the statement in them
            LOG.log(known.get().status() == 503 ? Level.WARNING : Level.INFO,
                    () -> "request-id " + RequestIds.requestId(request) + ": " + known.get().getMessage() + " ("
                            + e.getClass().getSimpleName() + ": " + String.valueOf(rootCause(e).getMessage())
                                    .lines().findFirst().orElse("") + ")");
            return GraphExceptionMapper.render(known.get(), request);
        }
        LOG.log(Level.SEVERE, "request-id " + RequestIds.requestId(request) + " failed", e);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphError.envelope("InternalServerError", "The service hit an unexpected error.", request))
                .build();
    }
}
