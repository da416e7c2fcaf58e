package org.graphstatus.odata;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The {@code @odata.context} of an answer: the service's {@code $metadata} URL and the Graph path of what
 * is returned, e.g. {@code .../beta/$metadata#deviceAppManagement/mobileApps('id')/deviceStatuses/$entity}.
 */
public final class ODataContext {

    public static final String CONTEXT = "@odata.context";

    private ODataContext() {
    }

    /** A single entity of the entity set at {@code path}, its properties following the context. */
    public static JsonObject entity(UriInfo uri, String path, JsonObjectBuilder properties) {
        return Json.object()
                .add(CONTEXT, metadata(uri) + path + "/$entity")
                .addAll(properties)
                .build();
    }

    /** {@code 201 Created} for a new entity posted to the collection at the request URI. */
    public static Response created(UriInfo uri, String path, String id, JsonObjectBuilder properties) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .entity(entity(uri, path, properties))
                .build();
    }

    public static JsonObject collection(UriInfo uri, String path, JsonArray value) {
        return Json.object()
                .add(CONTEXT, metadata(uri) + path)
                .add("value", value)
                .build();
    }

    /** {@code mobileApps('id')}: one keyed segment of a Graph path. */
    public static String key(String segment, String id) {
        return segment + "('" + id + "')";
    }

    private static String metadata(UriInfo uri) {
        return uri.getBaseUri().toString() + "$metadata#";
    }
}
