package org.graphstatus.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens that passed {@link TokenVerifier}, so that a client sending the same token again costs a hash, not a
 * signature check (which was most of a request's CPU). Bounded by memory (the size of the tokens it holds);
 * keyed by the token's SHA-256, so no token is a key; it holds only tokens that grant a permission of this
 * service (others are refused with 403 anyway, and must not crowd out those that work); an entry is never
 * served at or past the token's {@code exp}; and the whole cache is dropped when the signing key set changes,
 * so a token signed by a key that was taken away stops working as soon as the new set is read.
 */
final class TokenCache {

    /** The most memory the kept tokens may take, estimated (see {@link #weight}): 16 MiB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Cache<String, VerifiedToken> tokens = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String hash, VerifiedToken token) -> weight(token))
            .expireAfter(Expiry.creating((String hash, VerifiedToken token) -> untilExpiry(token)))
            .build();

    /** The time that exp is compared with; a test moves it past a cached token's exp. */
    private final InstantSource clock;

    /** Counts key set changes, so that a verification that straddles one is not cached. */
    private final AtomicLong keySetVersion = new AtomicLong();
    private volatile Set<JWK> keys;

    TokenCache() {
        this(InstantSource.system());
    }

    TokenCache(InstantSource clock) {
        this.clock = clock;
    }

    /** A check of signature and claims, which may refuse the token. */
    interface Check {
        VerifiedToken verify(String token) throws InvalidTokenException;
    }

    /**
     * The token as verified before, if it was and has not expired; else {@code check}'s answer, kept unless the
     * key set changed while it was checked.
     */
    VerifiedToken verify(String token, Check check) throws InvalidTokenException {
        String key = hash(token);
        VerifiedToken known = tokens.getIfPresent(key);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return known;
        }
        long version = keySetVersion.get();
        VerifiedToken checked = check.verify(token);
        if (checked.getGroups().stream().anyMatch(Permissions.ALL::contains)) {
            tokens.put(key, checked);
            // after the put: a key set read before it has changed the version, one read after it drops the entry
            if (keySetVersion.get() != version) {
                tokens.invalidate(key);
            }
        }
        return checked;
    }

    /**
     * About what a kept token costs: its text twice (the raw token, and its claims parsed) in UTF-16, and a
     * fixed share for the objects around them; a token of the identity platform is 1-3 KB.
     */
    static int weight(VerifiedToken token) {
        String raw = token.getRawToken();
        return 1024 + 4 * (raw == null ? 0 : raw.length());
    }

    /** Called with every key set that is read; forgets all tokens when it differs from the last one. */
    void keySetRead(JWKSet keySet) {
        Set<JWK> read = Set.copyOf(keySet.getKeys());
        if (!read.equals(keys)) {
            keys = read;
            keySetVersion.incrementAndGet();
            tokens.invalidateAll();
        }
    }

    /** How many tokens are kept, once expired ones are gone. */
    long size() {
        tokens.cleanUp();
        return tokens.estimatedSize();
    }

    private Duration untilExpiry(VerifiedToken token) {
        Duration left = Duration.between(clock.instant(), token.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.ISO_8859_1))); // a JWT is ASCII
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
