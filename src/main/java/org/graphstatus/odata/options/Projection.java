package org.graphstatus.odata.options;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;

/**
 * {@code $select} and {@code $expand}: which properties an answer holds, on a collection or a single entity.
 * Both are named in the {@code @odata.context} as OData writes it: the selected properties, then each
 * expanded navigation with empty parentheses (no nested options), e.g. {@code deviceStatuses(deviceName,app())}.
 */
public record Projection(Set<String> select, Set<String> expand) {

    /** Everything, nothing expanded. */
    public static final Projection ALL = new Projection(Set.of(), Set.of());

    private static final Set<String> ENTITY_OPTIONS = Set.of("$select", "$expand");

    /** The options of a request for a single entity: only {@code $select} and {@code $expand} apply. */
    public static Projection of(MultivaluedMap<String, String> parameters, Set<String> selectable, Set<String> expandable) {
        return parse(QueryOptions.read(parameters, ENTITY_OPTIONS), selectable, expandable);
    }

    static Projection parse(Map<String, String> options, Set<String> selectable, Set<String> expandable) {
        return new Projection(names(options.get("$select"), "$select", selectable, "a property of this type"),
                names(options.get("$expand"), "$expand", expandable, expandable.isEmpty()
                        ? "a navigation property that can be expanded here (none can)"
                        : "a navigation property that can be expanded here (" + String.join(", ", expandable) + ")"));
    }

    public boolean expands(String navigation) {
        return expand.contains(navigation);
    }

    /** The context URL's list after the entity set's path: {@code (deviceName,installState)}, or empty for all. */
    public String contextList() {
        if (select.isEmpty() && expand.isEmpty()) {
            return "";
        }
        var items = new ArrayList<>(select);
        expand.forEach(navigation -> items.add(navigation + "()"));
        return "(" + String.join(",", items) + ")";
    }

    /** Only the selected properties, with {@code id}, the instance annotations and the expanded navigations. */
    public JsonObject apply(JsonObject entity) {
        if (select.isEmpty()) {
            return entity;
        }
        var json = JsonValues.object();
        entity.forEach((name, value) -> {
            if (name.startsWith("@") || name.equals("id") || select.contains(name) || expand.contains(name)) {
                json.add(name, value);
            }
        });
        return json.build();
    }

    private static Set<String> names(String text, String option, Set<String> allowed, String what) {
        if (text == null) {
            return Set.of();
        }
        var names = new LinkedHashSet<String>();
        for (String name : text.split(",", -1)) {
            if (!allowed.contains(name.trim())) {
                throw GraphException.badRequest("The " + option + " names '" + name.trim() + "', which is not " + what + ".");
            }
            names.add(name.trim());
        }
        return Collections.unmodifiableSet(names);
    }
}
