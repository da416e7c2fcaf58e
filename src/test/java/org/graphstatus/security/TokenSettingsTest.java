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
}
