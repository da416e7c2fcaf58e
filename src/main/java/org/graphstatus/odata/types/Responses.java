package org.graphstatus.odata.types;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.graphstatus.odata.JsonValues;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.Projection;

/**
 * The answers of the API as Graph shapes them: an entity, a collection page, a {@code 201 Created}, a
 * {@code /$count}, each with its {@code @odata.context}: the service's {@code $metadata} URL and the Graph
 * path of what is returned, e.g. {@code .../beta/$metadata#deviceAppManagement/mobileApps('id')/deviceStatuses/$entity}.
 */
public final class Responses {

    public static final String CONTEXT = "@odata.context";

    private Responses() {
    }

    /** A single entity of the entity set at {@code path}, its properties following the context. */
    public static JsonObject entity(UriInfo uri, String path, JsonObjectBuilder properties) {
        return entity(uri, path, properties, Projection.ALL);
    }

    /**
     * The same with only what {@code $select} and {@code $expand} ask for, both named in the context:
     * {@code .../deviceStatuses(deviceName,installState)/$entity}.
     */
    public static JsonObject entity(UriInfo uri, String path, JsonObjectBuilder properties, Projection projection) {
        return JsonValues.object()
                .add(CONTEXT, metadata(uri) + path + projection.contextList() + "/$entity")
                .addAll(JsonValues.PROVIDER.createObjectBuilder(projection.apply(properties.build())))
                .build();
    }

    /** The answer of a {@code /$count} segment: the number alone, as {@code text/plain}. */
    public static Response count(long count) {
        return Response.ok(String.valueOf(count), MediaType.TEXT_PLAIN_TYPE).build();
    }

    /** {@code 201 Created} for a new entity posted to the collection at the request URI. */
    public static Response created(UriInfo uri, String path, String id, JsonObjectBuilder properties) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .entity(entity(uri, path, properties))
                .build();
    }

    /**
     * A collection: {@code @odata.count} when counted, the page's {@code value}, and {@code @odata.nextLink}
     * (the request's own URL with the next page's query options) when another page follows.
     */
    public static <T> JsonObject collection(UriInfo uri, String path, Page<T> page, Function<T, JsonObjectBuilder> writer,
            Projection projection) {
        var value = JsonValues.PROVIDER.createArrayBuilder();
        page.rows().forEach(row -> value.add(projection.apply(writer.apply(row).build())));
        var json = JsonValues.object().add(CONTEXT, metadata(uri) + path + projection.contextList());
        if (page.count() != null) {
            json.add("@odata.count", page.count());
        }
        json.add("value", value);
        if (page.next() != null) {
            json.add("@odata.nextLink", uri.getAbsolutePath() + query(page.next()));
        }
        return json.build();
    }

    /** Encoded by hand: UriBuilder would take the braces of a $filter value for template parameters. */
    private static String query(Map<String, String> parameters) {
        var query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? '?' : '&')
                .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return query.toString();
    }

    /** {@code mobileApps('id')}: one keyed segment of a Graph path. */
    public static String key(String segment, String id) {
        return segment + "('" + id + "')";
    }

    private static String metadata(UriInfo uri) {
        return uri.getBaseUri().toString() + "$metadata#";
    }
}
