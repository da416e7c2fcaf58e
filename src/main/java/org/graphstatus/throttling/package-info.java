/**
 * Throttling by the limits Intune publishes for these resources, off unless {@code graph.throttling=intune}.
 *
 * <p>Four limits, each a count of requests in a fixed window ({@code graph.throttling.window}, 20 s): all
 * requests per tenant (2,000) and per app in the tenant (1,000), writes per tenant (200) and per app in the
 * tenant (100). The tenant is the caller's (the token's {@code tid}, else the default tenant), the app its
 * {@code appid} (v1 tokens) or {@code azp} (v2). A request over any of them is answered 429 {@code TooManyRequests} with {@code Retry-After}: the
 * seconds until its window ends, when every count starts again from zero, so waiting that long succeeds
 * (unless others spend the new window first).
 *
 * <p>Invariants:
 * <ul>
 * <li>Off, nothing is registered: no request pays for throttling ({@link ThrottlingFeature}).</li>
 * <li>The counts are kept in the database the instances already share ({@link Counters}), so a deployment
 *     of several instances throttles a tenant at the published rate, not at a multiple of it. Payara Micro's
 *     data grid would need a port and a membership of its own, which this service keeps closed; a new
 *     server (Redis and the like) is a cost for every operator. The price: one short transaction per
 *     request while throttling is on. The windows follow each instance's clock, which NTP keeps close.</li>
 * <li>Only the Intune routes are throttled, each request where it arrives: a request inside a
 *     {@code $batch} is counted on its own (it runs through the same filters), the {@code $batch} POST itself not.</li>
 * <li>Every request counts against each limit it falls under, throttled ones included, as a client that
 *     ignores {@code Retry-After} keeps spending its budget.</li>
 * </ul>
 */
package org.graphstatus.throttling;
