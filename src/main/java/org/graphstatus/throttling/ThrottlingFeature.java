package org.graphstatus.throttling;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.graphstatus.GraphApplication;
import org.graphstatus.startup.StartupFailure;

/**
 * Puts {@link ThrottlingFilter} on the Intune routes when {@code graph.throttling=intune}, with the limits
 * Intune publishes for {@code mobileAppInstallStatus} and {@code userAppInstallStatus} unless settings say
 * otherwise. When throttling is off (the default) nothing is registered.
 */
@Provider
public class ThrottlingFeature implements DynamicFeature {

    /** After the permission check (PermissionFilter, AUTHORIZATION - 100) and the server's own. */
    static final int AFTER_PERMISSIONS = Priorities.AUTHORIZATION + 100;

    private static final String INTUNE_ROUTES = GraphApplication.class.getPackageName() + ".deviceappmanagement";
    private static final Metadata THROTTLED = Metadata.builder()
            .withName("graph_throttled_requests")
            .withDescription("requests answered 429, by the limit they went over")
            .build();

    @Inject
    Config config;

    @Inject
    Counters counters;

    @Inject
    MetricRegistry registry;

    private ThrottlingFilter filter;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceClass() != null && resource.getResourceClass().getPackageName().startsWith(INTUNE_ROUTES)) {
            ThrottlingFilter throttling = filter();
            if (throttling != null) {
                context.register(throttling, AFTER_PERMISSIONS);
            }
        }
    }

    /** The one filter of this deployment, made at the first Intune route; null when throttling is off. */
    private synchronized ThrottlingFilter filter() {
        if (filter == null) {
            String mode = config.getOptionalValue("graph.throttling", String.class).orElse("off");
            if (mode.equals("off")) {
                return null;
            }
            if (!mode.equals("intune")) {
                throw StartupFailure.cannotStart("graph.throttling is '" + mode + "': it is off or intune");
            }
            List<Limit> limits = List.of(
                    new Limit("requests-per-tenant", setting("requests-per-tenant", 2000), false, false),
                    new Limit("requests-per-app", setting("requests-per-app", 1000), false, true),
                    new Limit("writes-per-tenant", setting("writes-per-tenant", 200), true, false),
                    new Limit("writes-per-app", setting("writes-per-app", 100), true, true));
            List<Counter> throttled = limits.stream()
                    .map(limit -> registry.counter(THROTTLED, new Tag("limit", limit.name()))).toList();
            filter = new ThrottlingFilter(limits, setting("window", 20) * 1000L, counters, throttled);
        }
        return filter;
    }

    private int setting(String name, int intuneDefault) {
        String key = "graph.throttling." + name;
        int value;
        try {
            value = config.getOptionalValue(key, Integer.class).orElse(intuneDefault);
        } catch (IllegalArgumentException e) {
            throw StartupFailure.cannotStart(key + " is not a whole number");
        }
        if (value < 1) {
            throw StartupFailure.cannotStart(key + " is " + value + ": it is at least 1");
        }
        return value;
    }
}
