package org.graphstatus.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.graphstatus.odata.RequestIds;

/**
 * One log line per request, at INFO on {@code org.graphstatus.requests}: method, route template, status,
 * duration, {@code request-id}, {@code client-request-id} and trace id, e.g.
 * {@code POST /beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses 201 3.1 ms request-id=...}.
 * The fields ride along as the record's parameter, a map, which Payara's JSON log formatter writes as fields
 * of their own ({@link LogFormat}). Never a path's ids, a query, a header value but the ids, or a body: a
 * route that JAX-RS did not match (a 404, a file, an export download, whose path holds its secret) is
 * logged as {@code -}. {@code GRAPH_LOG_REQUESTS=false} turns the lines off.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLog extends HttpFilter {

    static final Logger LOG = Logger.getLogger("org.graphstatus.requests");
    private static final boolean ON = ConfigProvider.getConfig()
            .getOptionalValue("graph.log.requests", Boolean.class).orElse(true);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (ON && LOG.isLoggable(Level.INFO)) {
                LOG.log(record(request, response.getStatus(), System.nanoTime() - started));
            }
        }
    }

    static LogRecord record(HttpServletRequest request, int status, long nanos) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", request.getMethod());
        fields.put("route", request.getAttribute(RequestTrace.ROUTE) instanceof String route ? route : "-");
        fields.put("status", status);
        fields.put("durationMs", Math.round(nanos / 10_000.0) / 100.0);
        fields.put("requestId", RequestIds.requestId(request));
        fields.put("clientRequestId", RequestIds.clientRequestId(request));
        fields.put("traceId", request.getAttribute(RequestTrace.TRACE_ID) instanceof String trace ? trace : "-");
        var record = new LogRecord(Level.INFO, line(fields));
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {fields});
        return record;
    }

    /** The plain form, for Payara's default format: the fields in order, the ids as {@code name=value}. */
    static String line(Map<String, Object> fields) {
        return String.format(Locale.ROOT, "%s %s %s %s ms request-id=%s client-request-id=%s trace-id=%s",
                fields.get("method"), fields.get("route"), fields.get("status"), fields.get("durationMs"),
                fields.get("requestId"), fields.get("clientRequestId"), fields.get("traceId"));
    }
}
