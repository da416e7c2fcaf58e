package org.graphstatus.odata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;

/**
 * Graph's correlation headers: every response carries a new {@code request-id} and echoes the caller's
 * {@code client-request-id} (or repeats the request-id when the caller sent none). The ids are kept on the
 * request so that headers and error bodies always agree.
 */
public final class RequestIds {

    public static final String REQUEST_ID = "request-id";
    public static final String CLIENT_REQUEST_ID = "client-request-id";
    public static final int MAX_ECHO = 100; // an id is a GUID; never echo an unbounded header back

    private RequestIds() {
    }

    public static String requestId(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ID) instanceof String id) {
            return id;
        }
        String id = UUID.randomUUID().toString();
        request.setAttribute(REQUEST_ID, id);
        return id;
    }

    public static String clientRequestId(HttpServletRequest request) {
        String sent = request.getHeader(CLIENT_REQUEST_ID);
        if (sent == null || sent.isBlank() || sent.length() > MAX_ECHO) {
            return requestId(request);
        }
        return sent;
    }

    public static void stamp(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(REQUEST_ID, requestId(request));
        response.setHeader(CLIENT_REQUEST_ID, clientRequestId(request));
    }
}
