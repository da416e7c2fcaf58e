package org.graphstatus.monitoring;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts and times every API request by route template, method and status, as {@code graph_requests_seconds}
 * in {@code /metrics}, a histogram whose buckets microprofile-config.properties sets (the pool's figures are
 * Payara 6's own {@code connection_pool_*}). One filter instead of an annotation on each method, so that a new
 * route is measured without anyone remembering to.
 */
@Provider
@Priority(RequestMetrics.FIRST) // before the permission check, so that refused requests are counted too
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    static final int FIRST = Priorities.AUTHENTICATION - 500;

    private static final String STARTED = RequestMetrics.class.getName() + ".started";
    private static final Metadata REQUESTS = Metadata.builder()
            .withName("graph_requests")
            .withDescription("API requests by route template, HTTP method and status")
            .withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    MetricRegistry registry;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started
                && request.getProperty(RequestTrace.ROUTE) instanceof String route) { // RequestTrace's, when a method matched
            registry.timer(REQUESTS, new Tag("route", route), new Tag("method", request.getMethod()),
                    new Tag("status", String.valueOf(response.getStatus())))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
