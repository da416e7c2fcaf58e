package org.graphstatus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link TokenCache}: a token is checked once and then served until its exp, never at or after it,
 * and every token is forgotten when the key set changes. The check here stands for {@link TokenVerifier}'s: it
 * counts its calls and, like the real one, refuses a token from its exp.
 */
class TokenCacheTest {

    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

    private Instant now = START;
    private final TokenCache cache = new TokenCache(() -> now);
    private final AtomicInteger checks = new AtomicInteger();
    private JWKSet firstKeys;

    @BeforeEach
    void keys() throws Exception {
        firstKeys = new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("first").generate().toPublicJWK());
        cache.keySetRead(firstKeys);
    }

    @Test
    void aTokenIsCheckedOnceAndThenServedUntilItsExp() throws Exception {
        Instant exp = START.plus(Duration.ofHours(1));
        VerifiedToken first = cache.verify("a", token -> check(token, exp));
        now = exp.minusMillis(1);

        assertSame(first, cache.verify("a", token -> check(token, exp)));
        assertEquals(1, checks.get());
    }

    @Test
    void aTokenIsNeverServedAtOrAfterItsExpEvenWhileTheCacheStillHoldsIt() throws Exception {
        Instant exp = START.plus(Duration.ofHours(1));
        cache.verify("a", token -> check(token, exp));

        now = exp; // the cache's own expiry runs on the real clock, so the entry is still there
        assertEquals(1, cache.size());
        assertThrows(InvalidTokenException.class, () -> cache.verify("a", token -> check(token, exp)));
        now = exp.plusSeconds(3600);
        assertThrows(InvalidTokenException.class, () -> cache.verify("a", token -> check(token, exp)));
        assertEquals(3, checks.get());
    }

    /** Caffeine's timer wheel ticks about once a second, hence the check at read above and the margin here. */
    @Test
    void anEntryLeavesTheCacheAboutAtItsExp() throws Exception {
        var cache = new TokenCache(); // the real clock, which the cache's expiry runs on
        Instant exp = Instant.now().plusMillis(300);
        cache.verify("a", token -> verified(token, exp));
        assertEquals(1, cache.size());

        Instant deadline = exp.plusSeconds(2);
        while (cache.size() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        assertEquals(0, cache.size(), "forgotten within 2 s of its exp");
    }

    @Test
    void differentTokensAreDifferentEntries() throws Exception {
        Instant exp = START.plus(Duration.ofHours(1));
        VerifiedToken a = cache.verify("a", token -> check(token, exp));
        VerifiedToken b = cache.verify("b", token -> check(token, exp));

        assertSame(a, cache.verify("a", token -> check(token, exp)));
        assertSame(b, cache.verify("b", token -> check(token, exp)));
        assertEquals(2, checks.get());
    }

    @Test
    void aChangedKeySetDropsEveryToken() throws Exception {
        Instant exp = START.plus(Duration.ofHours(1));
        cache.verify("a", token -> check(token, exp));
        cache.verify("b", token -> check(token, exp));

        cache.keySetRead(new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("second").generate().toPublicJWK()));

        assertEquals(0, cache.size());
        cache.verify("a", token -> check(token, exp));
        assertEquals(3, checks.get(), "checked again");
    }

    @Test
    void theSameKeySetReadAgainKeepsTheTokens() throws Exception {
        Instant exp = START.plus(Duration.ofHours(1));
        cache.verify("a", token -> check(token, exp));

        cache.keySetRead(JWKSet.parse(firstKeys.toString())); // equal, not the same object

        assertEquals(1, cache.size());
        cache.verify("a", token -> check(token, exp));
        assertEquals(1, checks.get());
    }

    @Test
    void aCheckDuringWhichTheKeySetChangedIsNotKept() throws Exception {
        Instant exp = START.plus(Duration.ofHours(1));
        JWKSet second = new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("second").generate().toPublicJWK());
        cache.verify("a", token -> {
            cache.keySetRead(second); // read while this token was being checked with the old keys
            return check(token, exp);
        });

        assertEquals(0, cache.size());
    }

    @Test
    void aTokenThatGrantsNoPermissionOfThisServiceIsNotKept() throws Exception {
        TokenCache.Check noPermission = token -> {
            checks.incrementAndGet();
            return new VerifiedToken(token, new JWTClaimsSet.Builder().subject(token)
                    .expirationTime(Date.from(START.plusSeconds(600))).claim("scp", "User.Read").build());
        };

        cache.verify("mail-reader", noPermission);
        cache.verify("mail-reader", noPermission);

        assertEquals(2, checks.get(), "checked each time");
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheIsBoundedByTheMemoryItsTokensTake() throws Exception {
        String large = "x".repeat(100_000); // a weight of about 400 KB each
        for (int i = 0; i < 100; i++) {
            String token = large + i;
            cache.verify(token, t -> verified(t, START.plusSeconds(600)));
        }

        long kept = cache.size();
        assertTrue(kept * TokenCache.weight(verified(large + 0, START.plusSeconds(600))) <= TokenCache.MAX_BYTES,
                kept + " tokens kept");
        assertTrue(kept > 10, "still a cache: " + kept);
    }

    private VerifiedToken check(String token, Instant exp) throws InvalidTokenException {
        checks.incrementAndGet();
        if (!now.isBefore(exp)) {
            throw new InvalidTokenException("Access token has expired or is not yet valid.");
        }
        return verified(token, exp);
    }

    private static VerifiedToken verified(String token, Instant exp) {
        return new VerifiedToken(token, new JWTClaimsSet.Builder().subject(token).expirationTime(Date.from(exp))
                .claim("scp", Permissions.READ).build());
    }
}
