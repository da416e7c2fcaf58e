package org.graphstatus.odata;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser-facing headers on every answer the web application produces, errors included (and, through
 * {@link GraphError#write}, the refusals written before the filters run):
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} everywhere, so no answer is read as another type than it says.</li>
 * <li>API answers ({@code /beta}) carry tenant data: {@code Cache-Control: no-store}, and a policy that lets them
 * run nothing if a browser opens one as a page.</li>
 * <li>The pages (the overview and the OpenAPI UI) load only their own scripts and styles, connect only to this
 * origin, and may not be framed. No inline script or style: Swagger UI 5 sets its styles through the DOM, which
 * a policy does not restrict ({@code BrowserIT} fails on anything a policy blocked); its icons are {@code data:}
 * images.</li>
 * </ul>
 * It supports asynchronous requests, as every filter on {@code /*} must for a resource to be able to suspend one.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR}, asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        stamp(request, response);
        chain.doFilter(request, response);
    }

    /** Sets the headers for the request's path; an error dispatch gets those of the path first asked for. */
    public static void stamp(HttpServletRequest request, HttpServletResponse response) {
        headers(request).forEach(response::setHeader);
    }

    /** The headers for the request's path, in the order they are set. */
    public static Map<String, String> headers(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = (original instanceof String uri ? uri : request.getRequestURI())
                .substring(request.getContextPath().length());
        var headers = new LinkedHashMap<String, String>();
        headers.put("X-Content-Type-Options", "nosniff");
        if (path.startsWith("/beta/") || path.equals("/beta")) {
            headers.put("Cache-Control", "no-store");
            headers.put("Content-Security-Policy", API_POLICY);
        } else {
            headers.put("Content-Security-Policy", PAGE_POLICY);
        }
        return headers;
    }
}
