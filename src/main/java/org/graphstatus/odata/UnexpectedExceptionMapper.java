package org.graphstatus.odata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a fault of ours becomes a 500 in Graph's envelope, and its stack trace goes to the log
 * under the request-id the client was given, never to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        LOG.log(Level.SEVERE, "request-id " + RequestIds.requestId(request) + " failed", e);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphError.envelope("InternalServerError", "The service hit an unexpected error.", request))
                .build();
    }
}
