package org.graphstatus.devicemanagement.reports.exportjobs.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OData's key syntax for a job, {@code exportJobs('id')} (Microsoft's sample and most scripts write it),
 * taken as {@code exportJobs/id} (the SDKs' and the docs') before the routes are matched.
 */
@Provider
@PreMatching
public class ExportJobKeys implements ContainerRequestFilter {

    private static final Pattern KEYED = Pattern.compile("(.*/deviceManagement/reports/exportJobs)\\('([^'/]*)'\\)(/.*)?");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath().replace("%27", "'").replace("%28", "(").replace("%29", ")");
        Matcher keyed = KEYED.matcher(path);
        if (keyed.matches()) {
            String rest = keyed.group(3) == null ? "" : keyed.group(3);
            request.setRequestUri(request.getUriInfo().getRequestUriBuilder()
                    .replacePath(null).path(keyed.group(1) + "/" + keyed.group(2) + rest).build());
        }
    }
}
