package org.graphstatus.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Mints access tokens shaped like the Microsoft identity platform's (scp or roles, tid, oid, uti, no jti,
 * no groups), signed with the DEVELOPMENT key pair. Tests use it, and so does the README's token command:
 * {@code ./mvnw -q -Pdev-token -Dscopes="DeviceManagementApps.ReadWrite.All"}.
 */
public final class Tokens {

    public static final String ISSUER = "urn:graph-install-status:development";
    public static final String AUDIENCE = "https://graph.microsoft.com";
    public static final String READ_WRITE = "DeviceManagementApps.ReadWrite.All";
    public static final String READ = "DeviceManagementApps.Read.All";

    private static final PrivateKey DEVELOPMENT_KEY = readKey("dev-jwt/development-only.private.pem");
    private static final Base64URL DEVELOPMENT_THUMBPRINT = thumbprint("dev-jwt/development-only.certificate.pem");

    private Tokens() {
    }

    /** A delegated token granting these space-separated scopes. */
    public static String delegated(String scopes) {
        return sign(claims(b -> b.claim("scp", scopes)), DEVELOPMENT_KEY);
    }

    /** An application token granting these app roles. */
    public static String application(String... roles) {
        return sign(claims(b -> b.claim("roles", List.of(roles))), DEVELOPMENT_KEY);
    }

    /** Valid claims for one hour, as the identity platform issues them, changed by {@code change}. */
    public static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        var builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("development-user")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", "00000000-0000-0000-0000-000000000001")
                .claim("oid", UUID.randomUUID().toString())
                .claim("uti", UUID.randomUUID().toString().replace("-", ""))
                .claim("upn", "developer@example.test");
        return change.apply(builder).build();
    }

    public static String sign(JWTClaimsSet claims, PrivateKey key) {
        return sign(claims, key, UnaryOperator.identity());
    }

    /** Signed with RS256, with the header changed, e.g. to name the identity platform's {@code kid} and {@code x5t}. */
    public static String sign(JWTClaimsSet claims, PrivateKey key, UnaryOperator<JWSHeader.Builder> header) {
        try {
            JWSSigner signer = new RSASSASigner(key);
            var jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey developmentKey() {
        return DEVELOPMENT_KEY;
    }

    /**
     * The header of an identity platform token, whose {@code kid} and {@code x5t} name its key: here the SHA-1
     * thumbprint of the development key's certificate, {@code dev-jwt/development-only.certificate.pem}.
     */
    @SuppressWarnings("deprecation") // x5t (SHA-1) is deprecated in JOSE, and still in every identity platform token
    public static JWSHeader.Builder platformHeader(JWSHeader.Builder header) {
        return header.keyID(DEVELOPMENT_THUMBPRINT.toString()).x509CertThumbprint(DEVELOPMENT_THUMBPRINT);
    }

    private static PrivateKey readKey(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The development key could not be read", e);
        }
    }

    private static Base64URL thumbprint(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The development certificate could not be read", e);
        }
    }

    /** Prints a development token: {@code -Dscopes="..."} (delegated) or {@code -Droles="..."} (application). */
    public static void main(String[] args) {
        String roles = System.getProperty("roles", "");
        System.out.println(roles.isBlank()
                ? delegated(System.getProperty("scopes", READ_WRITE))
                : application(roles.trim().split("[\\s,]+")));
    }
}
