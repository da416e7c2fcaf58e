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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import org.graphstatus.odata.GraphError;
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
    UriInfo uri;

    /** The application's readers: {@code JsonBodies} reads the envelope as it reads every body. */
    @Context
    Providers providers;

    private static final Annotation[] NONE = {};

    /**
     * Needs a valid token and no permission: each request inside is authorized on its own, so a Read token's
     * writes answer 403 in their slots. The token is checked before the body is read, as on every route.
     * The servlet request is a parameter, not a field: a field holds a proxy to the current request, which the
     * threads running the requests cannot resolve.
     */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject batch(InputStream entity, @Context HttpServletRequest request) throws IOException {
        if (security.getUserPrincipal() == null) {
            throw new NotAuthorizedException(GraphError.BEARER_CHALLENGE);
        }
        JsonObject envelope = providers.getMessageBodyReader(JsonObject.class, JsonObject.class, NONE, headers.getMediaType())
                .readFrom(JsonObject.class, JsonObject.class, NONE, headers.getMediaType(), headers.getRequestHeaders(), entity);
        var caller = Caller.of(uri.getBaseUri(), request, headers.getHeaderString(RequestIds.CLIENT_REQUEST_ID), security);
        return BatchResponses.responses(dispatch.run(BatchEnvelope.read(envelope), caller));
    }
}
