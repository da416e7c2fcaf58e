package org.graphstatus.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartRequestTest {

    /** The batch's servlet request: its context path and attributes only; a part must not see its attributes. */
    static final HttpServletRequest BATCH = (HttpServletRequest) Proxy.newProxyInstance(
            PartRequestTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "getContextPath" -> "/ctx";
                        case "getAttribute" -> "the batch's";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });

    @Test
    void isThePartsOwnRequest() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("client-request-id", "c-1");
        var part = new PartRequest(BATCH, "PATCH", "deviceAppManagement/mobileApps/a?$select=id,displayName", headers);

        assertEquals("PATCH", part.getMethod());
        assertEquals("/ctx/beta/deviceAppManagement/mobileApps/a", part.getRequestURI());
        assertEquals("$select=id,displayName", part.getQueryString());
        assertEquals("c-1", part.getHeader("Client-Request-Id"), "header names are case-insensitive");
        assertEquals("application/json", part.getContentType());
        assertEquals(1, Collections.list(part.getHeaders("content-type")).size());
        assertEquals(0, Collections.list(part.getHeaders("Accept")).size());
    }

    @Test
    void keepsItsOwnAttributes() {
        var part = new PartRequest(BATCH, "GET", "deviceAppManagement/mobileApps", Map.of());
        assertNull(part.getAttribute("request-id"), "not the batch's");
        part.setAttribute("request-id", "r-1");
        assertEquals("r-1", part.getAttribute("request-id"));
        part.setAttribute("request-id", null);
        assertNull(part.getAttribute("request-id"));
        assertNull(part.getQueryString());
    }
}
