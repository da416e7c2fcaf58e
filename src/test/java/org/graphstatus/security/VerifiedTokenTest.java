package org.graphstatus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A token's permissions, read the way the identity platform issues them: scp, roles, and MicroProfile's groups;
 * and its tenant.
 */
class VerifiedTokenTest {

    @Test
    void delegatedScopesAreSpaceSeparatedInScp() {
        assertEquals(Set.of("openid", "profile", Permissions.READ_WRITE),
                groups(b -> b.claim("scp", "  openid profile\t" + Permissions.READ_WRITE + " ")));
    }

    @Test
    void applicationPermissionsAreTheRolesArray() {
        assertEquals(Set.of(Permissions.READ, Permissions.READ_WRITE),
                groups(b -> b.claim("roles", List.of(Permissions.READ, Permissions.READ_WRITE))));
    }

    @Test
    void microProfileGroupsCountToo() {
        assertEquals(Set.of(Permissions.READ), groups(b -> b.claim("groups", List.of(Permissions.READ))));
    }

    @Test
    void allThreeTogetherAreOneSet() {
        assertEquals(Set.of("User.Read", Permissions.READ, Permissions.READ_WRITE), groups(b -> b
                .claim("scp", "User.Read " + Permissions.READ)
                .claim("roles", List.of(Permissions.READ_WRITE))
                .claim("groups", List.of(Permissions.READ))));
    }

    @Test
    void noneOrMisshapenClaimsGrantNothing() {
        assertEquals(Set.of(), groups(b -> b));
        assertEquals(Set.of(), groups(b -> b.claim("scp", " ")));
        assertEquals(Set.of(), groups(b -> b.claim("scp", List.of(Permissions.READ_WRITE)))); // scp is a string
        assertEquals(Set.of(), groups(b -> b.claim("roles", Permissions.READ_WRITE))); // roles is an array
        assertEquals(Set.of(Permissions.READ), groups(b -> b.claim("roles", List.of(7, Permissions.READ))));
    }

    @Test
    void theGroupsClaimIsThePermissions() {
        VerifiedToken token = token(b -> b.claim("scp", Permissions.READ).claim("roles", List.of(Permissions.READ_WRITE)));
        assertEquals(Set.of(Permissions.READ, Permissions.READ_WRITE), token.getClaim("groups"));
    }

    @Test
    void theTenantIsTheTidClaim() {
        assertEquals("3f1c2a9e-5b7d-4e21-9c84-0a6d2b1e7f35",
                token(b -> b.claim("tid", "3f1c2a9e-5b7d-4e21-9c84-0a6d2b1e7f35")).tenant());
    }

    @Test
    void aTokenWithoutTidBelongsToTheDefaultTenantItIsGiven() {
        assertEquals(Tenants.DEFAULT, token(b -> b).tenant());
        assertEquals("own-tenant", new VerifiedToken("raw", new JWTClaimsSet.Builder().subject("someone").build(),
                "own-tenant").tenant());
    }

    private static Set<String> groups(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return token(claims).getGroups();
    }

    private static VerifiedToken token(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return new VerifiedToken("raw", claims.apply(new JWTClaimsSet.Builder().subject("someone")).build());
    }
}
