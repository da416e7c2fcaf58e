package org.graphstatus.odata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders the service's own refusals (bad input, unknown parent) as Graph errors. */
@Provider
public class GraphExceptionMapper implements ExceptionMapper<GraphException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(GraphException e) {
        return Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphError.envelope(e.code(), e.getMessage(), request))
                .build();
    }
}
