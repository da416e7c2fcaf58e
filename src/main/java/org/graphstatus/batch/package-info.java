/**
 * Graph's JSON batching: {@code POST /beta/$batch} with up to 20 requests, each answered exactly as it would
 * have been alone.
 *
 * <p>Each request is sent over loopback HTTP to this same server ({@link BatchDispatch}), with the batch's
 * token and {@code client-request-id}. So it passes the whole stack a request alone passes: the servlet-level
 * bearer mechanism, permissions, request ids, the error mappers, the OData headers and metrics; a new route
 * works in a batch without a line here. Jersey has no in-process dispatch that would keep the servlet filters
 * and the Jakarta Security mechanism, which run before Jersey. The cost: a loopback round trip per request
 * (the token is verified from the token cache), and URLs in answers name the loopback address until
 * {@link BatchEnvelope#answer} rewrites them to the batch's base URI.
 *
 * <p>Invariants:
 * <ul>
 * <li>The batch needs a valid token (401 otherwise); each request is authorized on its own.</li>
 * <li>A mistake in the envelope refuses the whole batch (400, 413); a request's own mistake answers in its slot.</li>
 * <li>A request runs only after the requests it depends on answered 2xx; otherwise it is not sent and answers 424.</li>
 * <li>Nothing is atomic: one request's failure never undoes another's work (Graph's rule).</li>
 * <li>Requests go only to this server's listener, by its address, never to a host the client names.</li>
 * <li>Throttling counts each request where the server receives it, i.e. each loopback request, and not the
 *     {@code $batch} POST. A 429 comes back in its slot with its {@code Retry-After}.</li>
 * </ul>
 */
package org.graphstatus.batch;
