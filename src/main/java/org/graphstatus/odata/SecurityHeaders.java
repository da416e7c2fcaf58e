package org.graphstatus.odata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser-facing headers of every answer, errors included:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} everywhere, so no answer is read as another type than it says.</li>
 * <li>API answers ({@code /beta}) carry tenant data: {@code Cache-Control: no-store}, and a policy that lets them
 * run nothing if a browser opens one as a page.</li>
 * <li>The pages (the overview and the OpenAPI UI) load only their own scripts and styles, connect only to this
 * origin, and may not be framed. No inline script or style: Swagger UI 5 sets its styles through the DOM, which
 * a policy does not restrict ({@code BrowserIT} fails on anything a policy blocked); its icons are {@code data:}
 * images.</li>
 * </ul>
 * {@code http.SecurityHeadersFilter} stamps them on what the web application answers, {@link GraphError#write}
 * on the refusals written before the filters run, and a {@code $batch} on each of its answers.
 */
public final class SecurityHeaders {

    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** The headers for the request's path, in the order they are set; an error dispatch gets those of the path first asked for. */
    public static Map<String, String> of(HttpServletRequest request) {
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
