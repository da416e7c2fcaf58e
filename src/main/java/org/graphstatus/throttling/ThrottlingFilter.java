package org.graphstatus.throttling;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.Counter;
import org.graphstatus.odata.GraphException;
import org.graphstatus.security.VerifiedToken;

/**
 * Counts a request against the limits it falls under and answers 429 when it goes over one. It runs after
 * the permission check: a request without a valid token is refused before it can spend a tenant's budget.
 */
final class ThrottlingFilter implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final List<Limit> limits;
    private final long windowMillis;
    private final Counters counters;
    private final List<Counter> throttled; // by limit, in the limits' order

    ThrottlingFilter(List<Limit> limits, long windowMillis, Counters counters, List<Counter> throttled) {
        this.limits = limits;
        this.windowMillis = windowMillis;
        this.counters = counters;
        this.throttled = throttled;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof VerifiedToken token)) {
            return; // nothing here is public: the permission check has answered 401 already
        }
        String tenant = token.tenant(); // whose rows the request reaches: tid, or the default tenant
        String app = token.getClaim("appid") != null ? claim(token, "appid") : claim(token, "azp");
        String user = token.getClaim("oid") != null ? claim(token, "oid") : claim(token, "sub");
        boolean write = !READS.contains(request.getMethod());
        List<Limit> applying = limits.stream().filter(limit -> limit.covers(write)).toList();

        long now = System.currentTimeMillis();
        long window = Math.floorDiv(now, windowMillis);
        int[] sums = counters.increment(applying.stream().map(limit -> limit.bucket(tenant, app, user)).toList(),
                limits.stream().map(Limit::name).toList(), window);
        for (int i = 0; i < sums.length; i++) {
            Limit limit = applying.get(i);
            if (sums[i] > limit.requests()) {
                throttled.get(limits.indexOf(limit)).inc();
                long untilNextWindow = (window + 1) * windowMillis - now;
                int retryAfter = (int) Math.max(1, (untilNextWindow + 999) / 1000);
                throw GraphException.tooManyRequests("Too many requests: this " + describe(limit)
                        + " is spent. Retry after " + retryAfter + " seconds.", retryAfter);
            }
        }
    }

    private String describe(Limit limit) {
        return "limit of " + limit.requests() + (limit.writesOnly() ? " writes" : " requests") + " per "
                + windowMillis / 1000 + " seconds " + limit.per().words;
    }

    /** A claim as text, or "" for a token without it (e.g. a development token has no app). */
    private static String claim(JsonWebToken token, String name) {
        return token.getClaim(name) instanceof String value ? value : "";
    }
}
