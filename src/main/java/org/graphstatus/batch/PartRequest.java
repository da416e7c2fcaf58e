package org.graphstatus.batch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.graphstatus.odata.RequestIds;
import org.graphstatus.odata.SecurityHeaders;

/**
 * One request of a batch as the servlet request that the error mappers and request ids read: its own method,
 * URI, headers and attributes (its own request-id among them), the batch's connection for the rest.
 */
final class PartRequest extends HttpServletRequestWrapper {

    private final String method;
    private final String uri;
    private final String query;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    /**
     * The request {@code part} of {@code caller}'s batch: the headers the route gets are the part's but the
     * connection's, and the batch's {@code client-request-id} unless the part sends its own.
     */
    static PartRequest of(Part part, Caller caller) {
        var headers = part.forwarded();
        if (part.header(RequestIds.CLIENT_REQUEST_ID) == null && caller.clientRequestId() != null) {
            headers.put(RequestIds.CLIENT_REQUEST_ID, caller.clientRequestId());
        }
        return new PartRequest(caller.batch(), part.method(), part.url(), headers);
    }

    /** {@code url} is relative to {@code /beta}, as {@link Part} holds it. */
    PartRequest(HttpServletRequest batch, String method, String url, Map<String, String> headers) {
        super(batch);
        this.method = method;
        String[] pathAndQuery = url.split("\\?", 2);
        this.uri = batch.getContextPath() + "/beta/" + pathAndQuery[0];
        this.query = pathAndQuery.length == 2 ? pathAndQuery[1] : null;
        this.headers.putAll(headers);
    }

    /**
     * The headers the servlet filters stamp on every answer (request ids, {@link SecurityHeaders}), which a
     * request of a batch does not pass through: its request ids, and the security headers of its path.
     */
    Map<String, List<String>> stampedHeaders() {
        Map<String, List<String>> stamped = new LinkedHashMap<>();
        stamped.put(RequestIds.REQUEST_ID, List.of(RequestIds.requestId(this)));
        stamped.put(RequestIds.CLIENT_REQUEST_ID, List.of(RequestIds.clientRequestId(this)));
        SecurityHeaders.of(this).forEach((name, value) -> stamped.put(name, List.of(value)));
        return stamped;
    }

    /** The headers the route gets. */
    Map<String, String> headers() {
        return headers;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return uri;
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = headers.get(name);
        return Collections.enumeration(value == null ? List.of() : List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(headers.keySet());
    }

    @Override
    public String getContentType() {
        return headers.get("Content-Type");
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }
}
