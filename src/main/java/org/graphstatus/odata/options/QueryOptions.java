package org.graphstatus.odata.options;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.graphstatus.odata.GraphException;

/**
 * The system query options of one request (its {@code $}-parameters), each one the resource takes and each
 * given once. Other parameters are not OData's and are ignored, as Graph ignores them.
 */
final class QueryOptions {

    private QueryOptions() {
    }

    /** @throws GraphException 400 for an option not in {@code allowed}, or one given twice */
    static Map<String, String> read(MultivaluedMap<String, String> parameters, Set<String> allowed) {
        var options = new LinkedHashMap<String, String>();
        parameters.forEach((name, values) -> {
            if (!name.startsWith("$")) {
                return;
            }
            if (!allowed.contains(name)) {
                throw GraphException.badRequest("The query option '" + name + "' is not supported here; use "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
            if (values.size() > 1) {
                throw GraphException.badRequest("The query option '" + name + "' is given more than once.");
            }
            options.put(name, values.get(0));
        });
        return options;
    }
}
