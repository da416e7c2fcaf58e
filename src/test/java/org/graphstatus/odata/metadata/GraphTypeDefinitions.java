package org.graphstatus.odata.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's beta types as Microsoft publishes them for TypeScript ({@code @microsoft/microsoft-graph-types-beta},
 * generated from Graph's metadata): what the SDK's classes cannot say. A property typed
 * {@code NullableOption<...>} is nullable in the metadata; one whose description (the comment above it, the
 * metadata's {@code Description} annotation) says it is read-only is read-only.
 */
final class GraphTypeDefinitions {

    /** Where {@code npm ci} in {@code src/test/js} puts the package that {@code package-lock.json} pins. */
    static final Path DEFAULT = Path.of("src/test/js/node_modules/@microsoft/microsoft-graph-types-beta/microsoft-graph.d.ts");

    record Definition(boolean nullable, boolean readOnly) {
    }

    private static final Pattern INTERFACE = Pattern.compile("^export interface (\\w+)\\b.*\\{\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("^    (\\w+)\\?: (.+);\\s*$");
    private static final Pattern READ_ONLY = Pattern.compile("(?i)\\bread[- ]only\\b");

    private final Map<String, Map<String, Definition>> types = new HashMap<>();

    GraphTypeDefinitions(Path declarations) throws IOException {
        List<String> lines = Files.readAllLines(declarations);
        Map<String, Definition> current = null;
        var comment = new StringBuilder();
        for (String line : lines) {
            Matcher start = INTERFACE.matcher(line);
            Matcher property = PROPERTY.matcher(line);
            if (start.matches()) {
                current = types.computeIfAbsent(start.group(1), name -> new HashMap<>());
                comment.setLength(0);
            } else if (line.startsWith("}")) {
                current = null;
            } else if (current != null && property.matches()) {
                current.put(property.group(1), new Definition(property.group(2).startsWith("NullableOption<"),
                        READ_ONLY.matcher(comment).find()));
                comment.setLength(0);
            } else if (current != null) {
                comment.append(line.trim()).append(' ');
            }
        }
    }

    /** The definition of a property of a Graph type ({@code webApp}, {@code appUrl}); null if not published. */
    Definition of(String graphType, String property) {
        Map<String, Definition> type = types.get(Character.toUpperCase(graphType.charAt(0)) + graphType.substring(1));
        return type == null ? null : type.get(property);
    }
}
