package org.graphstatus.monitoring;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.graphstatus.odata.RequestIds;

/**
 * Ties a request to its route and its trace, for {@link RequestLog}'s line: the route template of the method
 * that answers it, and, when telemetry is on, the trace id of the server span the server's MicroProfile
 * Telemetry started, on which the request's Graph ids are set as attributes so that a {@code request-id} a
 * client printed finds its trace. Properties of the JAX-RS request are attributes of the servlet request.
 */
@Provider
@Priority(RequestMetrics.FIRST) // before the permission check: refused requests are named too
public class RequestTrace implements ContainerRequestFilter {

    static final String ROUTE = RequestTrace.class.getName() + ".route";
    static final String TRACE_ID = RequestTrace.class.getName() + ".traceId";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() != null) {
            var parameters = request.getUriInfo().getPathParameters();
            request.setProperty(ROUTE, RouteTemplates.of(resource.getResourceClass(), resource.getResourceMethod(),
                    parameters::getFirst));
        }
        Span span = Span.current();
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            request.setProperty(TRACE_ID, context.getTraceId());
            if (request.getProperty(RequestIds.REQUEST_ID) instanceof String id) {
                span.setAttribute("graph.request_id", id);
            }
            String clientRequestId = request.getHeaderString(RequestIds.CLIENT_REQUEST_ID);
            if (clientRequestId != null && clientRequestId.length() <= 100) {
                span.setAttribute("graph.client_request_id", clientRequestId);
            }
        }
    }
}
