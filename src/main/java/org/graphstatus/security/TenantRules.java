package org.graphstatus.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which tenants' tokens this deployment admits, checked once a token's signature and standard claims have passed
 * (and so before {@link TokenCache} may keep it: a kept token has passed these rules, which are claims of the
 * token and settings fixed at start). The rules, in the order they are checked:
 * <ul>
 * <li>A {@code tid} is a tenant id, a string by {@link Tenants#RULE}. Rows are stored under it in a
 * {@code VARCHAR(64)} column and it is written into messages, so anything else is refused rather than shortened
 * or read as "no tenant".</li>
 * <li>With an issuer template (an issuer containing {@value #PLACEHOLDER}, as Microsoft's multi-tenant
 * applications validate issuers), {@code iss} must equal the template with the token's own {@code tid} filled
 * in: a tenant's key signs for every tenant (the keys are Microsoft's common ones), so only this ties the
 * token's {@code tid} to the tenant that issued it. A token without {@code tid} has no tenant to fill in.</li>
 * <li>The token's tenant ({@code tid}, or {@link #defaultTenant} without one) is on the allow-list, or the list
 * is {@value #ANY}.</li>
 * </ul>
 */
record TenantRules(Optional<String> issuerTemplate, Set<String> allowed, String defaultTenant) {

    static final String PLACEHOLDER = "{tenantid}";
    static final String ANY = "*";

    /** The token for these claims, or the reason it is refused. */
    VerifiedToken admit(String rawToken, JWTClaimsSet claims) throws InvalidTokenException {
        Object tid = claims.getClaim("tid");
        if (tid != null && !(tid instanceof String id && Tenants.valid(id))) {
            throw new InvalidTokenException("Access token validation failure: the tid claim is not a tenant id.");
        }
        if (issuerTemplate.isPresent()) {
            if (tid == null) {
                throw new InvalidTokenException("Access token validation failure: the token names no tenant (tid), "
                        + "which its issuer must match.");
            }
            if (!issuerTemplate.get().replace(PLACEHOLDER, (String) tid).equals(claims.getIssuer())) {
                throw new InvalidTokenException("Access token validation failure: the issuer does not match the tenant '"
                        + tid + "'.");
            }
        }
        var token = new VerifiedToken(rawToken, claims, defaultTenant);
        if (!allows(token.tenant())) {
            throw new InvalidTokenException("The tenant '" + token.tenant() + "' is not allowed to use this service.");
        }
        return token;
    }

    boolean allows(String tenant) {
        return allowed.contains(ANY) || allowed.contains(tenant);
    }
}
