package org.graphstatus.batch;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URI;
import org.graphstatus.http.PublicAddressFilter;
import org.graphstatus.http.PublicOrigin;
import org.graphstatus.odata.GraphError;
import org.graphstatus.odata.JsonBodies;
import org.graphstatus.odata.RequestIds;

/** {@code POST /$batch}: Graph's JSON batching, each request answered as if it had been sent alone. */
@RequestScoped
@Path("$batch")
public class BatchResource {

    @Inject
    BatchDispatch dispatch;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /**
     * Needs a valid token and no permission: each request inside is authorized on its own, so a Read token's
     * writes answer 403 in their slots. The token is checked before the body is read, as on every route.
     * Suspended while the requests run, so a batch holds no server thread while it waits for its own requests.
     */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public void batch(InputStream entity, @Suspended AsyncResponse answer) throws IOException {
        if (security.getUserPrincipal() == null) {
            throw new NotAuthorizedException(GraphError.BEARER_CHALLENGE);
        }
        JsonObject envelope = new JsonBodies().readFrom(JsonObject.class, JsonObject.class, new Annotation[0],
                headers.getMediaType(), headers.getRequestHeaders(), entity);
        var target = new BatchDispatch.Target(loopback(), uri.getBaseUri().toString(),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION), headers.getHeaderString(RequestIds.CLIENT_REQUEST_ID));
        dispatch.run(BatchEnvelope.read(envelope), target).whenComplete((responses, failure) -> {
            if (failure != null) {
                answer.resume(failure);
            } else {
                answer.resume(BatchEnvelope.responses(responses));
            }
        });
    }

    /**
     * The listener this batch arrived on, by its address rather than by the {@code Host} the client sent: a
     * client-chosen host would make the server send its requests, token included, wherever the client names.
     * Its own scheme, not the public one a proxy reports (PublicAddressFilter).
     */
    private URI loopback() {
        String address = request.getLocalAddr();
        if (address.contains(":")) { // IPv6, with its zone escaped
            address = "[" + address.replace("%", "%25") + "]";
        }
        var reached = (PublicOrigin) request.getAttribute(PublicAddressFilter.ORIGINAL);
        return URI.create(reached.scheme() + "://" + address + ":" + request.getLocalPort() + uri.getBaseUri().getRawPath());
    }
}
