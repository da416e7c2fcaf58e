package org.graphstatus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSettingsTest {

    private static final String GRAPH = "https://graph.microsoft.com,00000003-0000-0000-c000-000000000000";
    private static final String TENANT_KEYS = "https://login.microsoftonline.com/contoso/discovery/v2.0/keys";
    private static final String TENANT = "https://sts.windows.net/contoso/";
    private static final String CONTOSO = "3f1c2a9e-5b7d-4e21-9c84-0a6d2b1e7f35";
    private static final String FABRIKAM = "d5c9c3a1-0000-4e3b-9a1e-5b0f00000002";

    /** The shipped defaults: only the audiences, as META-INF/microprofile-config.properties sets them. */
    private static Map<String, String> shipped() {
        return new HashMap<>(Map.of(TokenSettings.AUDIENCES, GRAPH));
    }

    private static TokenSettings resolve(Map<String, String> settings, boolean development) {
        return TokenSettings.resolve(name -> Optional.ofNullable(settings.get(name)), development);
    }

    private static String refusal(Map<String, String> settings, boolean development) {
        return assertThrows(IllegalStateException.class, () -> resolve(settings, development)).getMessage();
    }

    @Test
    void withoutDevelopmentModeNothingIsTrustedAndTheThreeSettingsAreNamed() {
        String message = refusal(shipped(), false);
        for (String name : List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences",
                "GRAPH_DEVELOPMENT=true")) {
            assertTrue(message.contains(name), message);
        }
    }

    @Test
    void aKeyWithoutAnIssuerIsNotEnough() {
        var settings = shipped();
        settings.put(TokenSettings.KEY_LOCATION, TENANT_KEYS);
        assertTrue(refusal(settings, false).startsWith("no token issuer or audience is configured"));
    }

    @Test
    void developmentModeLetsTheDevelopmentKeyAndIssuerStandIn() {
        TokenSettings settings = resolve(shipped(), true);
        assertEquals(Optional.of(TokenSettings.DEVELOPMENT_KEY), settings.keyLocation());
        assertEquals(TokenSettings.DEVELOPMENT_ISSUER, settings.issuer());
        assertEquals(Set.of("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"), settings.audiences());
        assertEquals(2, settings.developmentDefaults().size());
    }

    @Test
    void settingsGivenWinOverDevelopmentMode() {
        var given = shipped();
        given.put(TokenSettings.KEY_LOCATION, TENANT_KEYS);
        given.put(TokenSettings.ISSUER, TENANT);
        TokenSettings settings = resolve(given, true);
        assertEquals(Optional.of(TENANT_KEYS), settings.keyLocation());
        assertEquals(TENANT, settings.issuer());
        assertEquals(List.of(), settings.developmentDefaults());
        assertTrue(settings.keyAtUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {TokenSettings.ISSUER, TokenSettings.AUDIENCES, TokenSettings.KEY_LOCATION, TokenSettings.KEY})
    void anEmptySettingIsAMistakeEvenInDevelopmentMode(String name) {
        var settings = shipped();
        settings.put(name, " ");
        assertEquals(name + " is set but empty", refusal(settings, true));
        assertEquals(name + " is set but empty", refusal(settings, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "https://graph.microsoft.com,", ",https://graph.microsoft.com", "a, ,b"})
    void anEmptyAudienceInTheListIsAMistake(String audiences) {
        var settings = shipped();
        settings.put(TokenSettings.AUDIENCES, audiences);
        assertTrue(refusal(settings, true).startsWith("mp.jwt.verify.audiences has an empty entry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://login.example/keys", "http://10.0.0.1/keys", "http://127.0.0.1.example/keys",
        "http://localhost.example/keys", "http://[::2]/keys"})
    void aJwksUrlOverPlainHttpIsRefusedAwayFromLoopback(String url) {
        var settings = shipped();
        settings.put(TokenSettings.KEY_LOCATION, url);
        settings.put(TokenSettings.ISSUER, TENANT);
        assertEquals("mp.jwt.verify.publickey.location must be an https:// URL (http:// only on loopback): " + url,
                refusal(settings, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8081/keys", "http://127.0.0.1:9/keys", "http://127.1.2.3/keys", "http://[::1]:80/keys"})
    void aJwksUrlOverPlainHttpIsAcceptedOnLoopback(String url) {
        var settings = shipped();
        settings.put(TokenSettings.KEY_LOCATION, url);
        settings.put(TokenSettings.ISSUER, TENANT);
        assertTrue(resolve(settings, false).keyAtUrl());
    }

    @Test
    void aFixedIssuerAdmitsAnyTenantAndTokensWithoutTidBelongToTheDefaultTenant() {
        var given = shipped();
        given.put(TokenSettings.ISSUER, TENANT);
        given.put(TokenSettings.KEY_LOCATION, TENANT_KEYS);
        TenantRules tenants = resolve(given, false).tenants();
        assertEquals(Optional.empty(), tenants.issuerTemplate());
        assertEquals(Set.of("*"), tenants.allowed());
        assertEquals(Tenants.DEFAULT, tenants.defaultTenant());
    }

    @Test
    void theDefaultTenantAndTheAllowListAreSettings() {
        var given = shipped();
        given.put(TokenSettings.TENANTS_DEFAULT, " " + CONTOSO + " ");
        given.put(TokenSettings.TENANTS_ALLOWED, CONTOSO + " , " + FABRIKAM);
        TenantRules tenants = resolve(given, true).tenants();
        assertEquals(CONTOSO, tenants.defaultTenant());
        assertEquals(Set.of(CONTOSO, FABRIKAM), tenants.allowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://login.microsoftonline.com/{tenantid}/v2.0", "https://sts.windows.net/{tenantid}/"})
    void anIssuerWithTenantidIsATemplate(String issuer) {
        var given = shipped();
        given.put(TokenSettings.ISSUER, issuer);
        given.put(TokenSettings.TENANTS_ALLOWED, "*");
        TokenSettings settings = resolve(given, true);
        assertEquals(Optional.of(issuer), settings.tenants().issuerTemplate());
        assertEquals(Set.of("*"), settings.tenants().allowed());
    }

    /** Microsoft's common keys sign for every tenant: without a list, any tenant of the platform could come in. */
    @Test
    void aTemplateIssuerRequiresTheAllowList() {
        var given = shipped();
        given.put(TokenSettings.ISSUER, "https://login.microsoftonline.com/{tenantid}/v2.0");
        String message = refusal(given, true);
        assertTrue(message.startsWith("mp.jwt.verify.issuer is a template for many tenants"), message);
        assertTrue(message.contains("graph.tenants.allowed (GRAPH_TENANTS_ALLOWED)"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sts.windows.net/{tenant}/", "https://login.microsoftonline.com/{tenantId}/v2.0",
        "https://sts.windows.net/{tenantid}/{", "https://sts.windows.net/}/"})
    void anyOtherPlaceholderInTheIssuerIsAMistake(String issuer) {
        var given = shipped();
        given.put(TokenSettings.ISSUER, issuer);
        given.put(TokenSettings.TENANTS_ALLOWED, "*");
        assertEquals("mp.jwt.verify.issuer has a placeholder other than {tenantid}: " + issuer, refusal(given, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {TokenSettings.TENANTS_ALLOWED, TokenSettings.TENANTS_DEFAULT})
    void anEmptyTenantSettingIsAMistake(String name) {
        var given = shipped();
        given.put(name, "");
        assertEquals(name + " is set but empty", refusal(given, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {",", CONTOSO + ",", "," + CONTOSO, CONTOSO + ", ," + FABRIKAM})
    void anEmptyTenantInTheAllowListIsAMistake(String allowed) {
        var given = shipped();
        given.put(TokenSettings.TENANTS_ALLOWED, allowed);
        assertEquals("graph.tenants.allowed has an empty entry: '" + allowed + "'", refusal(given, true));
    }

    @Test
    void anyTenantAndAListTogetherAreAMistake() {
        var given = shipped();
        given.put(TokenSettings.TENANTS_ALLOWED, CONTOSO + ",*");
        assertEquals("graph.tenants.allowed is * (any tenant) or a list of tenant ids, not both: '" + CONTOSO + ",*'",
                refusal(given, true));
    }

    /** A value no tid can have would never match: a typo, or a tenant's name where its id belongs. */
    @ParameterizedTest
    @ValueSource(strings = {"contoso.onmicrosoft.com/x", "Contoso Ltd", "{tenantid}",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}) // 65
    void aTenantSettingThatIsNoTenantIdIsAMistake(String value) {
        for (String name : List.of(TokenSettings.TENANTS_ALLOWED, TokenSettings.TENANTS_DEFAULT)) {
            var given = shipped();
            given.put(name, value);
            assertEquals(name + " has '" + value + "', which is not a tenant id (1 to 64 letters, digits, '.', '_' or '-')",
                    refusal(given, true));
        }
    }
}
