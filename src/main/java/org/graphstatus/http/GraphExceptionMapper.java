package org.graphstatus.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.graphstatus.odata.GraphError;
import org.graphstatus.odata.GraphException;

/** Renders the service's own refusals (bad input, unknown parent, a lost race, an outage) as Graph errors. */
@Provider
public class GraphExceptionMapper implements ExceptionMapper<GraphException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(GraphException e) {
        return render(e, request);
    }

    /** The envelope, with {@code Retry-After} when the exception asks for one. */
    static Response render(GraphException e, HttpServletRequest request) {
        Response.ResponseBuilder answer = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphError.envelope(e.code(), e.getMessage(), request));
        if (e.retryAfterSeconds() != null) {
            answer.header("Retry-After", e.retryAfterSeconds());
        }
        return answer.build();
    }
}
