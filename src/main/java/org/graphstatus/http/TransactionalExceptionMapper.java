package org.graphstatus.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * A failure at commit (a foreign key a concurrent delete broke, a deadlock) reaches JAX-RS wrapped in a
 * {@link TransactionalException}. Jersey has a mapper of its own for that type, which rethrows, and the
 * client got a 500; this one, chosen first by its priority, answers as {@link UnexpectedExceptionMapper}
 * does any other exception: 409 or 503 when the database says so, else a logged 500.
 */
@Provider
@Priority(1)
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    @Context
    HttpServletRequest request;

    @Inject
    MetricRegistry registry;

    @Override
    public Response toResponse(TransactionalException e) {
        return UnexpectedExceptionMapper.answer(e, request, registry);
    }
}
