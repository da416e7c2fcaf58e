package org.graphstatus.monitoring;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.graphstatus.GraphApplication;

/**
 * A request's route as its resource method declares it, e.g.
 * {@code /beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses}: what logs, spans and metrics are
 * named by, never the ids a request carries. A variable that spans segments (the optional
 * {@code /userStatuses/{id}} of the device statuses' routes) is written as the request used it, its literal
 * segments kept and the others named after it: {@code /userStatuses/{userStatusId}}, or nothing.
 */
final class RouteTemplates {

    private static final String ROOT = "/" + GraphApplication.class.getAnnotation(ApplicationPath.class).value();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w+)\\s*(?::([^}]*))?}");

    private RouteTemplates() {
    }

    /** The route of {@code method}; {@code value} gives a variable's value as the request matched it. */
    static String of(Class<?> resource, Method method, UnaryOperator<String> value) {
        var template = new StringBuilder(ROOT);
        append(template, resource.getAnnotation(Path.class));
        append(template, method.getAnnotation(Path.class));
        Matcher variable = VARIABLE.matcher(template);
        return variable.replaceAll(match -> Matcher.quoteReplacement(
                match.group(2) == null || !match.group(2).contains("/") ? "{" + match.group(1) + "}"
                        : segments(match.group(1), match.group(2), value.apply(match.group(1)))));
    }

    /** A multi-segment variable's value: the segments its pattern spells out, the rest named after it. */
    private static String segments(String name, String pattern, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        List<String> parts = Arrays.asList(value.split("/", -1));
        return parts.stream().map(part -> part.isEmpty() || pattern.contains("/" + part + "/") ? part : "{" + name + "Id}")
                .collect(Collectors.joining("/"));
    }

    private static void append(StringBuilder template, Path path) {
        if (path != null && !path.value().isEmpty() && !path.value().equals("/")) {
            template.append('/').append(path.value().replaceAll("^/+|/+$", ""));
        }
    }
}
