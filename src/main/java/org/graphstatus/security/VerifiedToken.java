package org.graphstatus.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller, as a MicroProfile {@link JsonWebToken} built from a token whose signature and claims
 * {@link TokenVerifier} has checked. Its groups are the caller's permissions, read the way the identity
 * platform issues them: delegated scopes in the space-separated {@code scp}, application permissions in
 * the {@code roles} array, and MicroProfile's own {@code groups}.
 */
public final class VerifiedToken implements JsonWebToken {

    private final String rawToken;
    private final JWTClaimsSet claims;
    private final Set<String> groups;
    private final String tenant;

    VerifiedToken(String rawToken, JWTClaimsSet claims) {
        this(rawToken, claims, Tenants.DEFAULT);
    }

    /** {@code defaultTenant} is the tenant of a token without {@code tid} (development tokens). */
    VerifiedToken(String rawToken, JWTClaimsSet claims, String defaultTenant) {
        this.rawToken = rawToken;
        this.claims = claims;
        this.groups = Set.copyOf(permissionsOf(claims));
        this.tenant = claims.getClaim("tid") instanceof String tid ? tid : defaultTenant;
    }

    /** The tenant whose data this caller reaches: the token's {@code tid}, or the deployment's default tenant. */
    public String tenant() {
        return tenant;
    }

    @Override
    public String getName() {
        for (String claim : List.of(Claims.upn.name(), Claims.preferred_username.name(), Claims.sub.name())) {
            if (claims.getClaim(claim) instanceof String name) {
                return name;
            }
        }
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        var names = new LinkedHashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    /** Claims with the Java types MicroProfile JWT gives them: times as epoch seconds, sets for aud and groups. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (name.equals(Claims.raw_token.name())) {
            return (T) rawToken;
        }
        if (name.equals(Claims.groups.name())) {
            return (T) groups;
        }
        Object value = claims.getClaim(name);
        if (value instanceof Date date) {
            return (T) Long.valueOf(date.getTime() / 1000);
        }
        if (name.equals(Claims.aud.name()) && value instanceof Collection<?> audiences) {
            return (T) Set.copyOf((Collection<String>) audiences);
        }
        return (T) value;
    }

    /** When the token stops being valid; {@link TokenVerifier} demands {@code exp}. */
    Instant expiresAt() {
        return claims.getExpirationTime().toInstant();
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    private static Set<String> permissionsOf(JWTClaimsSet claims) {
        var permissions = new LinkedHashSet<String>();
        if (claims.getClaim("scp") instanceof String scopes) {
            for (String scope : scopes.trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    permissions.add(scope);
                }
            }
        }
        for (String claim : List.of("roles", Claims.groups.name())) {
            if (claims.getClaim(claim) instanceof Collection<?> values) {
                values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(permissions::add);
            }
        }
        return permissions;
    }
}
