package org.graphstatus.security;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache must not let through what a fresh check would refuse: a token at its {@code exp}
 * (the server runs with no clock skew, so the cache, not the tolerance, is what is tested), or a token signed
 * by a key the key set no longer has. The server reads its keys from a JWKS URL that this test serves, as it
 * would read the identity platform's.
 */
class TokenCacheIT {

    private static HttpServer keyServer;
    private static volatile JWKSet served;
    private static RSAKey signingKey;
    private static PayaraProcess server;
    private static GraphClient graph;

    @BeforeAll
    static void start() throws Exception {
        signingKey = newKey("first");
        served = new JWKSet(signingKey.toPublicJWK());
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/keys", exchange -> {
            byte[] body = served.toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyServer.start();
        Path workDir = Path.of("target", "token-cache");
        server = PayaraProcess.start(workDir, "TokenCacheIT", PayaraProcess.freePort(), Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/keys",
                "MP_JWT_VERIFY_CLOCK_SKEW", "0",
                "GRAPH_DATA_DIR", workDir.resolve("data").toAbsolutePath().toString()));
        graph = server.graph();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (keyServer != null) {
            keyServer.stop(0);
        }
    }

    @Test
    void aCachedTokenIsRefusedFromItsExpiry() throws InterruptedException {
        Instant exp = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String token = sign(signingKey, b -> b.expirationTime(Date.from(exp)));
        assertEquals(200, listApps(token).status(), "verified");
        assertEquals(200, listApps(token).status(), "from the cache");

        Thread.sleep(Math.max(0, exp.toEpochMilli() - System.currentTimeMillis()) + 1_000);

        Answer expired = listApps(token);
        assertEquals(401, expired.status(), expired.body());
        assertEquals("Access token has expired or is not yet valid.", expired.errorMessage());
    }

    @Test
    void tokensSignedByAKeyThatWasTakenAwayAreRefused() throws Exception {
        RSAKey before = signingKey;
        String oldToken = sign(before, UnaryOperator.identity());
        assertEquals(200, listApps(oldToken).status(), "verified");
        assertEquals(200, listApps(oldToken).status(), "from the cache");

        RSAKey after = newKey("second");
        served = new JWKSet(after.toPublicJWK()); // the first key is rotated out
        signingKey = after;
        assertEquals(200, listApps(sign(after, UnaryOperator.identity())).status(),
                "a token by the new key makes the server read the key set again");

        Answer refused = listApps(oldToken);
        assertEquals(401, refused.status(), "the cached token of the old key: " + refused.body());
    }

    private static Answer listApps(String token) {
        return GraphClient.send(GraphClient.request(graph.uri(APPS), null)
                .header("Authorization", "Bearer " + token).GET());
    }

    private static RSAKey newKey(String id) throws Exception {
        return new RSAKeyGenerator(2048).keyID(id).keyUse(KeyUse.SIGNATURE).generate();
    }

    private static String sign(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), Tokens.claims(b -> change.apply(b.claim("scp", Tokens.READ_WRITE))));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
