package org.graphstatus.odata;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OData's key syntax, {@code mobileApps('id')}, taken as {@code mobileApps/id} (the SDKs' and the docs' form)
 * before the routes are matched, for every collection this service serves: OData tools (Olingo's client,
 * Power Query, LINQPad) and Microsoft's export sample ({@code exportJobs('id')}) write the first.
 */
@Provider
@PreMatching
public class KeySegments implements ContainerRequestFilter {

    private static final Pattern KEYED = Pattern.compile("/(mobileApps|userStatuses|deviceStatuses|exportJobs)\\('((?:[^'/]|'')*)'\\)");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String decoded = path.replace("%27", "'").replace("%28", "(").replace("%29", ")");
        Matcher keyed = KEYED.matcher(decoded);
        if (keyed.find()) {
            String plain = keyed.reset().replaceAll(match -> "/" + match.group(1) + "/"
                    + Matcher.quoteReplacement(match.group(2).replace("''", "'")));
            request.setRequestUri(request.getUriInfo().getRequestUriBuilder().replacePath(null).path(plain).build());
        }
    }
}
