package org.graphstatus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of {@link TenantRules}: tid's shape, the issuer template, the allow-list and the default tenant. */
class TenantRulesTest {

    private static final String CONTOSO = "3f1c2a9e-5b7d-4e21-9c84-0a6d2b1e7f35";
    private static final String FABRIKAM = "d5c9c3a1-0000-4e3b-9a1e-5b0f00000002";
    private static final String V2 = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final String V1 = "https://sts.windows.net/{tenantid}/";
    private static final String FIXED = "https://sts.windows.net/" + CONTOSO + "/";

    private static final TenantRules SINGLE_TENANT = new TenantRules(Optional.empty(), Set.of("*"), Tenants.DEFAULT);

    @Test
    void withAFixedIssuerAndAnyTenantTheTokensTidIsItsTenant() throws Exception {
        assertEquals(CONTOSO, SINGLE_TENANT.admit("raw", claims(b -> b.issuer(FIXED).claim("tid", CONTOSO))).tenant());
        assertEquals(FABRIKAM, SINGLE_TENANT.admit("raw", claims(b -> b.issuer(FIXED).claim("tid", FABRIKAM))).tenant(),
                "a fixed issuer is checked as before, by the verifier, not against tid");
    }

    @Test
    void aTokenWithoutTidBelongsToTheDefaultTenant() throws Exception {
        assertEquals(Tenants.DEFAULT, SINGLE_TENANT.admit("raw", claims(b -> b.issuer(FIXED))).tenant());
        var own = new TenantRules(Optional.empty(), Set.of("*"), CONTOSO);
        assertEquals(CONTOSO, own.admit("raw", claims(b -> b.issuer(FIXED))).tenant());
    }

    @Test
    void aTidOf64CharactersIsATenantId() throws Exception {
        String longest = "a".repeat(60) + "._-9";
        assertEquals(longest, SINGLE_TENANT.admit("raw", claims(b -> b.claim("tid", longest))).tenant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "contoso tenant", "contoso/..", "x'--", "ten\u00e4nt", "a\nb"})
    void aTidThatIsNoTenantIdIsRefusedWhateverTheIssuer(String tid) {
        for (TenantRules rules : List.of(SINGLE_TENANT, new TenantRules(Optional.of(V2), Set.of("*"), Tenants.DEFAULT))) {
            assertEquals("Access token validation failure: the tid claim is not a tenant id.",
                    refusal(rules, claims(b -> b.issuer(V2.replace("{tenantid}", tid)).claim("tid", tid))));
        }
    }

    @Test
    void aTidThatIsNotAStringOrLongerThan64IsRefused() {
        for (Object tid : List.of(7, true, List.of(CONTOSO), Map.of("id", CONTOSO), "a".repeat(65))) {
            assertEquals("Access token validation failure: the tid claim is not a tenant id.",
                    refusal(SINGLE_TENANT, claims(b -> b.claim("tid", tid))), String.valueOf(tid));
        }
    }

    @Test
    void withATemplateTheIssuerMustBeTheTemplateWithTheTokensOwnTid() throws Exception {
        for (String template : List.of(V2, V1)) {
            var rules = new TenantRules(Optional.of(template), Set.of("*"), Tenants.DEFAULT);
            String contosoIssuer = template.replace("{tenantid}", CONTOSO);
            assertEquals(CONTOSO, rules.admit("raw", claims(b -> b.issuer(contosoIssuer).claim("tid", CONTOSO))).tenant());

            assertEquals("Access token validation failure: the issuer does not match the tenant '" + FABRIKAM + "'.",
                    refusal(rules, claims(b -> b.issuer(contosoIssuer).claim("tid", FABRIKAM))));
            for (String near : List.of(contosoIssuer + "/", contosoIssuer.toUpperCase(), template,
                    template.replace("{tenantid}", CONTOSO.toUpperCase()))) {
                assertEquals("Access token validation failure: the issuer does not match the tenant '" + CONTOSO + "'.",
                        refusal(rules, claims(b -> b.issuer(near).claim("tid", CONTOSO))), near);
            }
        }
    }

    @Test
    void withATemplateATokenWithoutTidIsRefusedEvenIfTheDefaultTenantIsAllowed() {
        var rules = new TenantRules(Optional.of(V2), Set.of(Tenants.DEFAULT), Tenants.DEFAULT);
        assertEquals("Access token validation failure: the token names no tenant (tid), which its issuer must match.",
                refusal(rules, claims(b -> b.issuer(V2.replace("{tenantid}", Tenants.DEFAULT)))));
        assertEquals("Access token validation failure: the token names no tenant (tid), which its issuer must match.",
                refusal(rules, claims(b -> b.issuer(V2))), "not even with the template itself as iss");
    }

    @Test
    void aTenantNotOnTheAllowListIsRefused() throws Exception {
        var rules = new TenantRules(Optional.of(V2), Set.of(CONTOSO), Tenants.DEFAULT);
        assertEquals(CONTOSO, rules.admit("raw", issuedBy(V2, CONTOSO)).tenant());
        assertEquals("The tenant '" + FABRIKAM + "' is not allowed to use this service.", refusal(rules, issuedBy(V2, FABRIKAM)));
        assertEquals("The tenant '" + CONTOSO.toUpperCase() + "' is not allowed to use this service.",
                refusal(rules, issuedBy(V2, CONTOSO.toUpperCase())), "tenant ids are compared as written");
    }

    @Test
    void theAllowListAppliesToTheDefaultTenantToo() throws Exception {
        var contosoOnly = new TenantRules(Optional.empty(), Set.of(CONTOSO), Tenants.DEFAULT);
        assertEquals("The tenant '" + Tenants.DEFAULT + "' is not allowed to use this service.",
                refusal(contosoOnly, claims(b -> b.issuer(FIXED))));
        var withDefault = new TenantRules(Optional.empty(), Set.of(CONTOSO, Tenants.DEFAULT), Tenants.DEFAULT);
        assertEquals(Tenants.DEFAULT, withDefault.admit("raw", claims(b -> b.issuer(FIXED))).tenant());
    }

    /** The cache keeps only what the check returned; a refused token is checked again each time it comes. */
    @Test
    void theTokenCacheNeverKeepsARefusedTenant() {
        var rules = new TenantRules(Optional.of(V2), Set.of(CONTOSO), Tenants.DEFAULT);
        var cache = new TokenCache();
        JWTClaimsSet fabrikam = issuedBy(V2, FABRIKAM);
        for (int i = 0; i < 2; i++) {
            assertThrows(InvalidTokenException.class, () -> cache.verify("fabrikam", raw -> rules.admit(raw, fabrikam)));
        }
        assertEquals(0, cache.size());
    }

    private static JWTClaimsSet issuedBy(String template, String tid) {
        return claims(b -> b.issuer(template.replace("{tenantid}", tid)).claim("tid", tid));
    }

    private static String refusal(TenantRules rules, JWTClaimsSet claims) {
        return assertThrows(InvalidTokenException.class, () -> rules.admit("raw", claims)).getMessage();
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder().subject("someone").claim("scp", Permissions.READ)
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))).build();
    }
}
