package org.graphstatus.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.graphstatus.odata.GraphError;
import org.graphstatus.odata.UnknownSegment;

/**
 * What JAX-RS itself refuses (no matching path or method, wrong media type, missing or insufficient
 * permission) leaves in Graph's envelope. Messages are ours: JAX-RS's own texts name Java internals. A path
 * no resource matches is Graph's {@code 400 BadRequest} naming the segment ({@link UnknownSegment}), not a 404.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e instanceof NotFoundException ? Response.Status.BAD_REQUEST.getStatusCode() : e.getResponse().getStatus();
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE);
        if (e instanceof NotAllowedException) {
            answer.allow(e.getResponse().getAllowedMethods());
        }
        if (e instanceof NotAuthorizedException) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, GraphError.BEARER_CHALLENGE);
        }
        return answer.entity(GraphError.envelope(GraphError.codeFor(status), messageOf(e, status), request)).build();
    }

    private String messageOf(WebApplicationException e, int status) {
        if (e instanceof NotFoundException) {
            return UnknownSegment.message(uriInfo.getPathSegments().stream().map(s -> s.getPath()).toList());
        }
        if (e instanceof NotAllowedException) {
            return "The HTTP method '" + request.getMethod() + "' is not allowed on this resource.";
        }
        if (e instanceof NotSupportedException) {
            return "The content type '" + request.getContentType() + "' is not supported; send application/json.";
        }
        if (e instanceof NotAuthorizedException) {
            return "Access token is empty.";
        }
        return status < 500 ? "The request is invalid." : "The service hit an unexpected error.";
    }
}
