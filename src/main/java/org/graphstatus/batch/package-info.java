/**
 * Graph's JSON batching: {@code POST /beta/$batch} with up to 20 requests, each answered exactly as it would
 * have been alone.
 *
 * <p>Each request runs in process through the application's own JAX-RS pipeline ({@link InProcessRequest}),
 * with the batch's verified caller and {@code client-request-id}: the same routes, permission and throttling
 * filters, body readers, exception mappers and metrics as a request alone, and the headers the servlet filters
 * would stamp (request ids, security headers). A new route works in a batch without a line here. Independent
 * requests run at once ({@link BatchDispatch}), so a batch's creates share commits through GroupCommit.
 *
 * <p>Invariants:
 * <ul>
 * <li>The batch needs a valid token (401 otherwise); each request is authorized on its own.</li>
 * <li>A mistake in the envelope refuses the whole batch (400, 413); a request's own mistake answers in its slot.</li>
 * <li>A request runs only after the requests it depends on answered 2xx; otherwise it does not run and answers 424.</li>
 * <li>Nothing is atomic: one request's failure never undoes another's work (Graph's rule).</li>
 * <li>Each request has a request context, a request-id and request-scoped beans of its own.</li>
 * <li>Each request's caller is the batch's, as JAX-RS's {@code SecurityContext} gives it ({@link Caller}). The
 *     threads the requests run on do not carry the batch's Jakarta Security caller (a pooled thread keeps the
 *     context it was made in): code under a route asks JAX-RS, never Jakarta Security's {@code SecurityContext},
 *     which is why Payara's own {@code @RolesAllowed} check is off (payara-web.xml).</li>
 * <li>Throttling counts each request of the batch, and not the {@code $batch} POST. A 429 comes back in its
 *     slot with its {@code Retry-After}.</li>
 * </ul>
 */
package org.graphstatus.batch;
