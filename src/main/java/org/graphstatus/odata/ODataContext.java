package org.graphstatus.odata;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.graphstatus.odata.Pages.Page;

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

    /**
     * A collection: {@code @odata.count} when counted, the page's {@code value}, and {@code @odata.nextLink}
     * (the request's own URL with the next page's query options) when another page follows.
     */
    public static <T> JsonObject collection(UriInfo uri, String path, Page<T> page, Function<T, JsonObjectBuilder> writer,
            Set<String> select) {
        var value = Json.PROVIDER.createArrayBuilder();
        page.rows().forEach(row -> value.add(selected(writer.apply(row).build(), select)));
        var json = Json.object().add(CONTEXT, metadata(uri) + path);
        if (page.count() != null) {
            json.add("@odata.count", page.count());
        }
        json.add("value", value);
        if (page.next() != null) {
            json.add("@odata.nextLink", uri.getAbsolutePath() + query(page.next()));
        }
        return json.build();
    }

    /** Only the properties {@code $select} names, with {@code id} and the instance annotations; all when empty. */
    private static JsonObject selected(JsonObject entity, Set<String> select) {
        if (select.isEmpty()) {
            return entity;
        }
        var json = Json.object();
        entity.forEach((name, value) -> {
            if (name.startsWith("@") || name.equals("id") || select.contains(name)) {
                json.add(name, value);
            }
        });
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
