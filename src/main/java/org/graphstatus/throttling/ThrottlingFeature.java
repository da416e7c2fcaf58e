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
import org.graphstatus.throttling.Limit.Per;

/**
 * Puts {@link ThrottlingFilter} on the Intune routes when {@code graph.throttling=intune}, with the limits
 * Intune publishes for {@code mobileAppInstallStatus} and {@code userAppInstallStatus} unless settings say
 * otherwise, and another on the report export jobs with theirs (per minute: 100 a tenant, 48 an app, 8 a
 * user), which count creates and deletes: the scripts that poll a job every second or three would spend 8 a
 * minute on polls alone. When throttling is off (the default) nothing is registered.
 */
@Provider
public class ThrottlingFeature implements DynamicFeature {

    /** After the permission check (PermissionFilter, AUTHORIZATION - 100) and the server's own. */
    static final int AFTER_PERMISSIONS = Priorities.AUTHORIZATION + 100;

    private static final String INTUNE_ROUTES = GraphApplication.class.getPackageName() + ".deviceappmanagement";
    private static final String EXPORT_JOBS = GraphApplication.class.getPackageName() + ".devicemanagement.reports.exportjobs";
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
    private ThrottlingFilter exports;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        String routes = resource.getResourceClass() == null ? "" : resource.getResourceClass().getPackageName();
        ThrottlingFilter throttling = routes.startsWith(INTUNE_ROUTES) ? filter()
                : routes.startsWith(EXPORT_JOBS) ? exports() : null;
        if (throttling != null) {
            context.register(throttling, AFTER_PERMISSIONS);
        }
    }

    /** The export jobs' filter, made at their routes; null when throttling is off. */
    private synchronized ThrottlingFilter exports() {
        if (exports == null && filter() != null) {
            List<Limit> limits = List.of(
                    new Limit("exports-per-tenant", setting("exports-per-tenant", 100), true, Per.TENANT),
                    new Limit("exports-per-app", setting("exports-per-app", 48), true, Per.APP),
                    new Limit("exports-per-user", setting("exports-per-user", 8), true, Per.USER));
            exports = new ThrottlingFilter(limits, setting("exports-window", 60) * 1000L, counters, throttled(limits));
        }
        return exports;
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
                    new Limit("requests-per-tenant", setting("requests-per-tenant", 2000), false, Per.TENANT),
                    new Limit("requests-per-app", setting("requests-per-app", 1000), false, Per.APP),
                    new Limit("writes-per-tenant", setting("writes-per-tenant", 200), true, Per.TENANT),
                    new Limit("writes-per-app", setting("writes-per-app", 100), true, Per.APP));
            filter = new ThrottlingFilter(limits, setting("window", 20) * 1000L, counters, throttled(limits));
        }
        return filter;
    }

    private List<Counter> throttled(List<Limit> limits) {
        return limits.stream().map(limit -> registry.counter(THROTTLED, new Tag("limit", limit.name()))).toList();
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
