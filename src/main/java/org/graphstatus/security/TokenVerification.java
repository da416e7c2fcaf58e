package org.graphstatus.security;

import java.time.Instant;

/**
 * A request's token as {@link TokenVerifier} verified it, with what telemetry reports of that: whether the cache
 * answered, when it started and how long it took. The server verifies a token before it starts the request's
 * span, so the verification is kept as a request attribute, {@link #ATTRIBUTE}, for the span to record.
 */
public record TokenVerification(VerifiedToken token, boolean cached, Instant started, long nanos) {

    public static final String ATTRIBUTE = TokenVerification.class.getName();
}
