package org.graphstatus.monitoring;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.graphstatus.odata.RequestIds;
import org.graphstatus.security.TokenVerification;
import org.graphstatus.security.VerifiedToken;

/**
 * Ties a request to its route and its trace, for {@link RequestLog}'s line: the route template of the method
 * that answers it, and, when telemetry is on, the trace id of the server span the server's MicroProfile
 * Telemetry started, on which the request's Graph ids are set as attributes so that a {@code request-id} a
 * client printed finds its trace. Properties of the JAX-RS request are attributes of the servlet request.
 * An answer in Graph's error envelope sets {@code graph.error.code}; the caller's tenant is set as
 * {@code graph.tenant_id} only with {@code GRAPH_TELEMETRY_TENANT=true}, as tenant ids are customer data.
 */
@Provider
@Priority(RequestMetrics.FIRST) // before the permission check: refused requests are named too
public class RequestTrace implements ContainerRequestFilter, ContainerResponseFilter {

    private static final boolean TENANT = ConfigProvider.getConfig()
            .getOptionalValue("graph.telemetry.tenant", Boolean.class).orElse(false);

    static final String ROUTE = RequestTrace.class.getName() + ".route";
    static final String TRACE_ID = RequestTrace.class.getName() + ".traceId";

    @Context
    ResourceInfo resource;

    @Inject
    Tracer tracer;

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
            if (request.getProperty(ROUTE) instanceof String route) {
                ServerSpanName.set(span, request.getMethod(), route);
            }
            if (request.getProperty(TokenVerification.ATTRIBUTE) instanceof TokenVerification verification) {
                record(verification);
            }
            request.setProperty(TRACE_ID, context.getTraceId());
            if (request.getProperty(RequestIds.REQUEST_ID) instanceof String id) {
                span.setAttribute("graph.request_id", id);
            }
            String clientRequestId = request.getHeaderString(RequestIds.CLIENT_REQUEST_ID);
            if (clientRequestId != null && clientRequestId.length() <= RequestIds.MAX_ECHO) {
                span.setAttribute("graph.client_request_id", clientRequestId);
            }
        }
    }

    /**
     * The token's verification as a child span, {@code token verification}, at the time it happened: before
     * this span began, as the server authenticates a request before it starts the request's span.
     */
    private void record(TokenVerification verification) {
        long start = verification.started().getEpochSecond() * 1_000_000_000L + verification.started().getNano();
        tracer.spanBuilder("token verification").setStartTimestamp(start, TimeUnit.NANOSECONDS)
                .setAttribute("graph.token.cached", verification.cached())
                .startSpan().end(start + verification.nanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Span span = Span.current();
        if (!span.getSpanContext().isValid()) {
            return;
        }
        if (request.getProperty(ROUTE) instanceof String route) {
            ServerSpanName.set(span, request.getMethod(), route); // again: the server's listener may have come after
        }
        if (response.getEntity() instanceof JsonObject body && body.get("error") instanceof JsonObject error
                && error.get("code") instanceof JsonString code) {
            span.setAttribute("graph.error.code", code.getString());
        }
        if (TENANT && request.getSecurityContext().getUserPrincipal() instanceof VerifiedToken token) {
            span.setAttribute("graph.tenant_id", token.tenant());
        }
    }
}
