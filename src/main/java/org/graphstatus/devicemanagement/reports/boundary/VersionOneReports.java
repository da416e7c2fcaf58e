package org.graphstatus.devicemanagement.reports.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * What Graph v1.0 has of the reports: the one action {@code retrieveDeviceAppInstallationStatusReport} (the v1.0
 * SDKs call it) and the export jobs, each answered by the beta route it shares its contract with. Everything
 * else under {@code /v1.0} stays unknown: this service is a beta endpoint.
 */
@WebFilter(urlPatterns = "/v1.0/deviceManagement/reports/*", asyncSupported = true)
public class VersionOneReports extends HttpFilter {

    private static final String PATH = "/v1.0/deviceManagement/reports/";
    private static final String EXPORT_JOBS = "exportJobs";
    private static final Set<String> ACTIONS = Set.of("retrieveDeviceAppInstallationStatusReport",
            "microsoft.graph.retrieveDeviceAppInstallationStatusReport");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // no servlet maps /v1.0, so the path is read from the URI, not the servlet path
        String action = request.getRequestURI().substring(request.getContextPath().length() + PATH.length());
        if (ACTIONS.contains(action) || action.startsWith(EXPORT_JOBS)) {
            request.getRequestDispatcher("/beta/deviceManagement/reports/" + action).forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
