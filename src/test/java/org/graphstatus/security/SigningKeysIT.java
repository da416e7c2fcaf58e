package org.graphstatus.security;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key forms an operator configures, each on a server started with it (the default, a PEM public key, is
 * {@link TokensIT}'s): the development key's PEM certificate, which verifies a token whatever kid and x5t its
 * header names, and a JWKS file, in which the kid picks the key. The two servers boot side by side.
 */
class SigningKeysIT {

    private static final Path WORK = Path.of("target", "signing-keys");

    private static RSAKey otherKey;
    private static PayaraProcess certificateServer;
    private static PayaraProcess jwksServer;

    @BeforeAll
    static void start() throws Exception {
        otherKey = new RSAKeyGenerator(2048).keyID("other").generate();
        RSAPublicKey development = (RSAPublicKey) SigningKeys.parse(SigningKeysTest.PUBLIC_PEM).keys().get(0)
                .toRSAKey().toPublicKey();
        Path jwks = Files.createDirectories(WORK).resolve("keys.json");
        Files.writeString(jwks, new JWKSet(List.of(new RSAKey.Builder(development).keyID("development").build(),
                otherKey.toPublicJWK())).toString());
        Path certificate = Path.of("src", "test", "resources", "dev-jwt", "development-only.certificate.pem");

        var certificateStart = CompletableFuture.supplyAsync(() -> start("certificate", certificate));
        var jwksStart = CompletableFuture.supplyAsync(() -> start("jwks", jwks));
        certificateServer = certificateStart.join();
        jwksServer = jwksStart.join();
    }

    @AfterAll
    static void stop() {
        for (PayaraProcess server : new PayaraProcess[] {certificateServer, jwksServer}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aPemCertificateVerifiesATokenWhateverKidAndX5tItNames() {
        assertEquals(200, listApps(certificateServer, sign(Tokens.developmentKey(), null)).status(), "no kid");
        Answer platformShaped = listApps(certificateServer, Tokens.sign(claims(), Tokens.developmentKey(), Tokens::platformHeader));
        assertEquals(200, platformShaped.status(), platformShaped.body());
        assertEquals(200, listApps(certificateServer, sign(Tokens.developmentKey(), "any-other-kid")).status());
    }

    @Test
    void aPemCertificateRefusesATokenByAnotherKey() throws Exception {
        Answer refused = listApps(certificateServer, Tokens.sign(claims(), otherKey.toPrivateKey(), Tokens::platformHeader));
        assertEquals(401, refused.status(), refused.body());
        assertEquals("InvalidAuthenticationToken", refused.errorCode());
    }

    @Test
    void inAJwksFileTheKidPicksTheKey() throws Exception {
        assertEquals(200, listApps(jwksServer, sign(Tokens.developmentKey(), "development")).status());
        assertEquals(200, listApps(jwksServer, sign(otherKey.toPrivateKey(), "other")).status());
    }

    @Test
    void aJwksFileRefusesAnUnknownKidAndAKidThatNamesAnotherKey() throws Exception {
        for (String kid : new String[] {"unknown", "other"}) {
            Answer refused = listApps(jwksServer, sign(Tokens.developmentKey(), kid));
            assertEquals(401, refused.status(), kid + ": " + refused.body());
            assertEquals("InvalidAuthenticationToken", refused.errorCode());
        }
    }

    private static PayaraProcess start(String name, Path key) {
        Path workDir = WORK.resolve(name);
        return PayaraProcess.start(workDir, "SigningKeysIT " + name, PayaraProcess.freePort(), Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", key.toAbsolutePath().toString(),
                "GRAPH_DATA_DIR", workDir.resolve("data").toAbsolutePath().toString()));
    }

    private static JWTClaimsSet claims() {
        return Tokens.claims(b -> b.claim("scp", Tokens.READ));
    }

    private static String sign(PrivateKey key, String kid) {
        return Tokens.sign(claims(), key, header -> header.keyID(kid));
    }

    private static Answer listApps(PayaraProcess server, String token) {
        return GraphClient.send(GraphClient.request(server.graph().uri(APPS), token).GET());
    }
}
