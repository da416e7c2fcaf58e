package org.graphstatus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form a key setting may take, and which key a token gets from each: one key (PEM key or certificate,
 * single JWK) whatever kid and x5t the token's header names, like the identity platform's; a JWKS by kid.
 */
class SigningKeysTest {

    static final String PUBLIC_PEM = resource("dev-jwt/development-only.public.pem");
    static final String CERTIFICATE_PEM = resource("dev-jwt/development-only.certificate.pem");
    /** A kid as the identity platform names its keys: unknown to any PEM. */
    static final String PLATFORM_KID = "nOo3ZDrODXEK1jKWhXslHR_KXEg";

    @Test
    void aPemPublicKeyIsOneKeyUsedWhateverKidAndX5tTheTokenNames() throws Exception {
        SigningKeys keys = SigningKeys.parse(PUBLIC_PEM);

        assertTrue(keys.oneKey());
        assertEquals(developmentPublicKey(), keys.keys().get(0).toRSAKey().toPublicKey());
        assertEquals("development-user", verify(keys, development(PLATFORM_KID, certificateThumbprint())).getSubject());
        assertEquals("development-user", verify(keys, development(null, null)).getSubject());
    }

    @Test
    void aPemCertificateIsTheKeyItCertifies() throws Exception {
        SigningKeys keys = SigningKeys.parse(CERTIFICATE_PEM);

        assertTrue(keys.oneKey());
        assertEquals(developmentPublicKey(), keys.keys().get(0).toRSAKey().toPublicKey());
        assertEquals("development-user", verify(keys, development(PLATFORM_KID, certificateThumbprint())).getSubject());
    }

    @Test
    void anEcPemPublicKeyIsOneKeyForEs256() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();

        SigningKeys keys = SigningKeys.parse(pem("PUBLIC KEY", pair.getPublic()));

        assertTrue(keys.oneKey());
        assertEquals(Curve.P_256, keys.keys().get(0).toECKey().getCurve());
        String token = sign(JWSAlgorithm.ES256, new ECDSASigner(pair.getPrivate(), Curve.P_256), PLATFORM_KID);
        assertEquals("development-user", verify(keys, token).getSubject());
    }

    @Test
    void aSingleJwkIsOneKeyToo() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("its-own-kid").generate();
        SigningKeys keys = SigningKeys.parse(key.toPublicJWK().toJSONString());

        assertTrue(keys.oneKey());
        assertEquals("development-user", verify(keys, sign(JWSAlgorithm.RS256, new RSASSASigner(key), PLATFORM_KID)).getSubject());
    }

    @Test
    void inAJwksTheKidPicksTheKey() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("second").generate();
        SigningKeys keys = SigningKeys.parse(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())).toString());

        assertFalse(keys.oneKey());
        assertEquals(2, keys.keys().size());
        verify(keys, sign(JWSAlgorithm.RS256, new RSASSASigner(first), "first"));
        verify(keys, sign(JWSAlgorithm.RS256, new RSASSASigner(second), "second"));
        assertThrows(BadJOSEException.class, () -> verify(keys, sign(JWSAlgorithm.RS256, new RSASSASigner(first), "unknown")));
        assertThrows(BadJOSEException.class, () -> verify(keys, sign(JWSAlgorithm.RS256, new RSASSASigner(first), "second")),
                "the kid names the second key, which did not sign it");
    }

    @Test
    void privatePartsAreNotKept() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        assertFalse(SigningKeys.parse(new JWKSet(key).toString(false)).keys().get(0).isPrivate(), "JWKS");
        assertFalse(SigningKeys.parse(key.toJSONString()).keys().get(0).isPrivate(), "JWK");
    }

    @Test
    void oneKeyRefusesEveryOtherAlgorithm() throws Exception {
        SigningKeys keys = SigningKeys.parse(PUBLIC_PEM);
        var hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(PLATFORM_KID).build(), Tokens.claims(b -> b));
        hs256.sign(new MACSigner(PUBLIC_PEM.getBytes(StandardCharsets.US_ASCII))); // HMAC keyed with the public key
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();

        assertThrows(BadJOSEException.class, () -> verify(keys, hs256.serialize()));
        assertThrows(BadJOSEException.class, () -> verify(keys, sign(JWSAlgorithm.ES256, new ECDSASigner(ec), PLATFORM_KID)));
        assertThrows(BadJOSEException.class, () -> verify(keys,
                sign(JWSAlgorithm.RS384, new RSASSASigner(Tokens.developmentKey()), PLATFORM_KID)));
        assertThrows(BadJOSEException.class, () -> verify(keys, "eyJhbGciOiJub25lIn0." + Tokens.claims(b -> b)
                .toPayload().toBase64URL() + "."), "alg none");
    }

    @Test
    void aTokenByAnotherKeyIsRefusedWhateverItsHeaderNames() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).generate();
        String token = sign(JWSAlgorithm.RS256, new RSASSASigner(other), PLATFORM_KID, certificateThumbprint());
        for (String setting : List.of(PUBLIC_PEM, CERTIFICATE_PEM)) {
            assertThrows(BadJOSEException.class, () -> verify(SigningKeys.parse(setting), token));
        }
    }

    static Stream<Arguments> unreadableSettings() throws Exception {
        var p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).generate();
        String privatePem = resource("dev-jwt/development-only.private.pem");
        return Stream.of(
                Arguments.of("", "it is neither a PEM public key or certificate nor a JWK or JWKS"),
                Arguments.of("hello", "it is neither a PEM public key or certificate nor a JWK or JWKS"),
                Arguments.of(privatePem, "the PEM holds PRIVATE KEY, not a PUBLIC KEY or a CERTIFICATE"),
                Arguments.of("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
                        "the PEM holds neither an RSA nor an EC public key"),
                Arguments.of("-----BEGIN PUBLIC KEY-----\n*not base64*\n-----END PUBLIC KEY-----",
                        "the PEM public key is not valid Base64"),
                Arguments.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                        "the PEM certificate cannot be read: "),
                Arguments.of(pem("PUBLIC KEY", p384.generateKeyPair().getPublic()),
                        "the key is EC P-384; only RSA keys (RS256) and EC P-256 keys (ES256) are accepted"),
                Arguments.of("{not json", "the JWK or JWKS cannot be read: "),
                Arguments.of("{\"keys\": []}", "the JWKS holds no public key"),
                Arguments.of(new JWKSet(secret).toString(false), "the JWKS holds no public key"),
                Arguments.of(secret.toJSONString(), "the JWK is a symmetric key, which cannot verify RS256 or ES256 signatures"),
                Arguments.of("{\"kty\": \"RSA\"}", "the JWK or JWKS cannot be read: "));
    }

    @ParameterizedTest
    @MethodSource("unreadableSettings")
    void anUnreadableSettingSaysWhatIsWrong(String setting, String message) {
        KeyException refused = assertThrows(KeyException.class, () -> SigningKeys.parse(setting));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
        assertFalse(setting.length() > 40 && refused.getMessage().contains(setting.substring(30, 40)),
                "no key material in the message: " + refused.getMessage());
    }

    @Test
    void aLocationIsAFileAFileUrlOrAnApplicationResource(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key.pem"), PUBLIC_PEM);

        assertEquals(PUBLIC_PEM, SigningKeys.read(file.toString()));
        assertEquals(PUBLIC_PEM, SigningKeys.read(file.toUri().toString()));
        assertEquals(PUBLIC_PEM, SigningKeys.read("dev-jwt/development-only.public.pem"));
        assertEquals(PUBLIC_PEM, SigningKeys.read("/dev-jwt/development-only.public.pem"));
        assertEquals(PUBLIC_PEM, SigningKeys.read("classpath:dev-jwt/development-only.public.pem"));
        IOException missing = assertThrows(IOException.class, () -> SigningKeys.read("/no/such/key.pem"));
        assertEquals("no file or application resource at '/no/such/key.pem'", missing.getMessage());
    }

    /** Signature and exp/nbf, as {@link TokenVerifier} checks them with these keys. */
    private static JWTClaimsSet verify(SigningKeys keys, String token) throws Exception {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(keys.selector());
        return processor.process(token, null);
    }

    private static String development(String kid, Base64URL x5t) {
        return sign(JWSAlgorithm.RS256, new RSASSASigner(Tokens.developmentKey()), kid, x5t);
    }

    private static String sign(JWSAlgorithm algorithm, JWSSigner signer, String kid) {
        return sign(algorithm, signer, kid, null);
    }

    @SuppressWarnings("deprecation") // x5t (SHA-1) is deprecated in JOSE, and still in every identity platform token
    private static String sign(JWSAlgorithm algorithm, JWSSigner signer, String kid, Base64URL x5t) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid)
                    .x509CertThumbprint(x5t).build(), Tokens.claims(b -> b.claim("n", UUID.randomUUID().toString())));
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Base64URL certificateThumbprint() throws Exception {
        var certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(CERTIFICATE_PEM.getBytes(StandardCharsets.US_ASCII)));
        return Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
    }

    private static RSAPublicKey developmentPublicKey() throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(PUBLIC_PEM.replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(der));
    }

    private static String pem(String type, PublicKey key) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }

    private static String resource(String name) {
        try (InputStream in = SigningKeysTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
