package org.graphstatus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which tokens open which doors: the permissions of the API page, with tokens shaped like Microsoft's. */
class TokensIT extends DeployedService {

    String devices;

    @BeforeEach
    void newApp() {
        devices = Routes.deviceStatuses(graph.newApp());
    }

    static Stream<Arguments> refusedTokens() throws Exception {
        Instant now = Instant.now();
        var otherRsa = KeyPairGenerator.getInstance("RSA");
        otherRsa.initialize(2048);
        var otherEc = new ECKeyGenerator(Curve.P_256).generate();
        JWTClaimsSet valid = Tokens.claims(b -> b.claim("scp", Tokens.READ_WRITE));
        String good = Tokens.sign(valid, Tokens.developmentKey());
        String[] parts = good.split("\\.");
        byte[] publicPem;
        try (InputStream in = TokensIT.class.getClassLoader().getResourceAsStream("dev-jwt/development-only.public.pem")) {
            publicPem = in.readAllBytes();
        }
        var hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), valid);
        hs256.sign(new MACSigner(publicPem)); // the classic key-confusion attack: HMAC keyed with the public key
        var es256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), valid);
        es256.sign(new ECDSASigner(otherEc));
        return Stream.of(
                Arguments.of("garbage", "not-a-token"),
                Arguments.of("empty bearer", ""),
                Arguments.of("alg none", new PlainJWT(new PlainHeader(), valid).serialize()),
                Arguments.of("HS256 keyed with the public key", hs256.serialize()),
                Arguments.of("bad signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)
                        + (parts[2].charAt(10) == 'A' ? 'B' : 'A') + parts[2].substring(11)),
                Arguments.of("changed claims", parts[0] + "." + Tokens.sign(Tokens.claims(
                        b -> b.claim("scp", Tokens.READ_WRITE + " Directory.ReadWrite.All")), Tokens.developmentKey())
                        .split("\\.")[1] + "." + parts[2]),
                Arguments.of("another RSA key", Tokens.sign(valid, otherRsa.generateKeyPair().getPrivate())),
                Arguments.of("ES256 by another key", es256.serialize()),
                Arguments.of("expired", sign(b -> b.expirationTime(Date.from(now.minus(Duration.ofMinutes(10)))))),
                Arguments.of("not yet valid", sign(b -> b.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))))),
                Arguments.of("no expiry", sign(b -> b.expirationTime(null))),
                Arguments.of("wrong issuer", sign(b -> b.issuer("https://sts.windows.net/someone-else/"))),
                Arguments.of("wrong audience", sign(b -> b.audience("https://management.azure.com"))),
                Arguments.of("tid no tenant id", sign(b -> b.claim("tid", "contoso; DROP TABLE"))),
                Arguments.of("tid longer than 64", sign(b -> b.claim("tid", "a".repeat(65)))),
                Arguments.of("tid not a string", sign(b -> b.claim("tid", 42))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aTokenThatFailsVerificationIs401(String what, String token) {
        Answer answer = GraphClient.send(GraphClient.request(graph.uri(devices), null)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));

        assertUnauthorized(answer);
        assertTrue(answer.header("WWW-Authenticate").contains("invalid_token"), answer.header("WWW-Authenticate"));
    }

    @Test
    void noTokenIs401() {
        assertUnauthorized(GraphClient.send(GraphClient.request(graph.uri(devices), null)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}"))));
        assertUnauthorized(GraphClient.send(GraphClient.request(graph.uri(devices), null).GET()));
    }

    @Test
    void aNonBearerAuthorizationIs401() {
        assertUnauthorized(GraphClient.send(GraphClient.request(graph.uri(devices), null)
                .header("Authorization", "Basic YWRtaW46YWRtaW4=").GET()));
    }

    @Test
    void writingWithoutReadWriteIs403NamingThePermission() {
        for (String token : List.of(Tokens.delegated(Tokens.READ), Tokens.application(Tokens.READ),
                Tokens.delegated("User.Read Directory.Read.All"))) {
            Answer answer = post(token);
            assertEquals(403, answer.status(), answer.body());
            assertEquals("Forbidden", answer.errorCode());
            assertTrue(answer.errorMessage().contains(Tokens.READ_WRITE), answer.errorMessage());
        }
        assertEquals(0, graph.get(devices).json().getJsonArray("value").size(), "nothing was stored");
    }

    @Test
    void readingWithoutEitherPermissionIs403() {
        Answer answer = get(Tokens.delegated("User.Read"));
        assertEquals(403, answer.status(), answer.body());
        assertTrue(answer.errorMessage().contains(Tokens.READ), answer.errorMessage());
    }

    @Test
    void theWritePermissionArrivesAsScopeAsAppRoleOrAsGroup() {
        assertEquals(201, post(Tokens.delegated("openid profile " + Tokens.READ_WRITE)).status(), "scp");
        assertEquals(201, post(Tokens.application(Tokens.READ_WRITE)).status(), "roles");
        assertEquals(201, post(Tokens.sign(Tokens.claims(b -> b.claim("groups", List.of(Tokens.READ_WRITE))),
                Tokens.developmentKey())).status(), "groups");
    }

    @Test
    void readingAcceptsEitherPermission() {
        assertEquals(200, get(Tokens.delegated(Tokens.READ)).status());
        assertEquals(200, get(Tokens.application(Tokens.READ_WRITE)).status());
    }

    @Test
    void microsoftShapedTokensWithoutJtiAreAccepted() {
        JWTClaimsSet claims = Tokens.claims(b -> b.claim("scp", Tokens.READ_WRITE)
                .audience("00000003-0000-0000-c000-000000000000"));
        assertEquals(null, claims.getJWTID());
        assertEquals(null, claims.getClaim("groups"));
        assertEquals(201, post(Tokens.sign(claims, Tokens.developmentKey())).status());
    }

    /** With a fixed issuer any tenant may come in, and a token without tid (a development token) is welcome too. */
    @Test
    void withAFixedIssuerTokensOfAnyTenantOrOfNoneAreAccepted() {
        for (String tid : new String[] {"d5c9c3a1-7a2e-4e3b-9a1e-5b0f3c2d1e00", null}) {
            Answer created = graph.as(sign(b -> b.claim("tid", tid))).post(GraphClient.APPS,
                    "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"Any tenant's app\"}");
            assertEquals(201, created.status(), tid + ": " + created.body());
        }
    }

    /** The default key is a PEM public key, which has no kid: it verifies the token whatever kid the header names. */
    @Test
    void aTokenWhoseHeaderNamesTheIdentityPlatformsKidAndX5tIsAccepted() throws Exception {
        String token = Tokens.sign(Tokens.claims(b -> b.claim("scp", Tokens.READ_WRITE)), Tokens.developmentKey(),
                Tokens::platformHeader);
        assertTrue(SignedJWT.parse(token).getHeader().toJSONObject().keySet().containsAll(List.of("kid", "x5t")));
        assertEquals(201, post(token).status());
    }

    private Answer post(String token) {
        return GraphClient.send(GraphClient.request(graph.uri(devices), token)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));
    }

    private Answer get(String token) {
        return GraphClient.send(GraphClient.request(graph.uri(devices), token).GET());
    }

    private static String sign(java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) {
        return Tokens.sign(Tokens.claims(b -> change.apply(b.claim("scp", Tokens.READ_WRITE))), Tokens.developmentKey());
    }

    private void assertUnauthorized(Answer answer) {
        assertEquals(401, answer.status(), answer.body());
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer"), answer.header("WWW-Authenticate"));
        assertTrue(answer.header("Content-Type").startsWith("application/json"));
        assertEquals("InvalidAuthenticationToken", answer.errorCode());
        assertEquals(answer.header("request-id"),
                answer.json().getJsonObject("error").getJsonObject("innerError").getString("request-id"));
        assertEquals(0, graph.get(devices).json().getJsonArray("value").size(), "nothing was stored");
    }
}
