package org.graphstatus.odata.metadata;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /beta/$metadata}: the CSDL of everything this service serves, where every answer's
 * {@code @odata.context} points and where OData tools start. Public, as Graph's is: it describes types, not
 * anyone's data. Its ETag lets a tool that polls it skip the download until the service changes.
 */
@Path("$metadata")
public class MetadataResource {

    static final String XML = "application/xml;charset=utf-8";
    private static final EntityTag TAG = new EntityTag(sha256(GraphMetadata.BETA.document()));

    @GET
    @PermitAll
    public Response metadata(@Context Request request) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(TAG);
        if (unchanged != null) {
            return unchanged.build();
        }
        var cache = new CacheControl();
        cache.setNoCache(true); // stored, but revalidated: a new deployment may change it
        return Response.ok(GraphMetadata.BETA.document(), XML).tag(TAG).cacheControl(cache).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
