package org.graphstatus.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.graphstatus.odata.SecurityHeaders;

/**
 * Stamps {@link SecurityHeaders} on every answer the web application produces, errors included. It supports
 * asynchronous requests, as every filter on {@code /*} must for a resource to be able to suspend one.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR}, asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.of(request).forEach(response::setHeader);
        chain.doFilter(request, response);
    }
}
