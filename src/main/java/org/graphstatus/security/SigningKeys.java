package org.graphstatus.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys that may sign tokens, read from a key setting: a PEM public key (RSA or EC), a PEM certificate (what
 * operators save from the tenant's signing keys), a single JWK, or a JWKS. A PEM key or certificate, or a single
 * JWK, is <em>one</em> key and verifies every token whatever {@code kid} or {@code x5t} its header names: the
 * header names the identity platform's key id, which a PEM does not carry, so matching it would refuse every real
 * token. In a JWKS the {@code kid} picks the key, as nimbus does. Only RS256 and ES256 are ever accepted. Read by
 * the JDK alone: nimbus's PEM reader needs BouncyCastle.
 */
final class SigningKeys {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    private final JWKSet keys;
    private final boolean oneKey;

    private SigningKeys(JWKSet keys, boolean oneKey) {
        this.keys = keys;
        this.oneKey = oneKey;
    }

    /** The public keys read, without any private part the text may have held. */
    List<JWK> keys() {
        return keys.getKeys();
    }

    /** Whether this is one key, used whatever kid a token names, rather than a set the kid picks from. */
    boolean oneKey() {
        return oneKey;
    }

    /** Reads the text of a key setting; the message of the exception says what is wrong, without key material. */
    static SigningKeys parse(String text) throws KeyException {
        String trimmed = text.strip();
        Matcher pem = PEM.matcher(trimmed);
        if (pem.lookingAt()) {
            return switch (pem.group(1)) {
                case "CERTIFICATE" -> one(jwk(certificateKey(trimmed)));
                case "PUBLIC KEY" -> one(jwk(publicKey(trimmed)));
                default -> throw new KeyException("the PEM holds " + pem.group(1) + ", not a PUBLIC KEY or a CERTIFICATE");
            };
        }
        if (!trimmed.startsWith("{")) {
            throw new KeyException("it is neither a PEM public key or certificate nor a JWK or JWKS");
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(trimmed);
            if (json.containsKey("keys")) {
                JWKSet set = JWKSet.parse(json).toPublicJWKSet();
                if (set.isEmpty()) {
                    throw new KeyException("the JWKS holds no public key");
                }
                return new SigningKeys(set, false);
            }
            JWK single = JWK.parse(json).toPublicJWK();
            if (single == null) {
                throw new KeyException("the JWK is a symmetric key, which cannot verify RS256 or ES256 signatures");
            }
            return one(single);
        } catch (ParseException e) {
            throw new KeyException("the JWK or JWKS cannot be read: " + e.getMessage());
        }
    }

    /** Chooses the key for a token: the one key whatever the header names, or the set's key the kid names. */
    JWSKeySelector<SecurityContext> selector() throws KeyException {
        return oneKey ? only(keys.getKeys().get(0)) : selector(new ImmutableJWKSet<>(keys));
    }

    /** Chooses from a key set (a JWKS file, or one read from a URL) by the token's kid. */
    static JWSKeySelector<SecurityContext> selector(JWKSource<SecurityContext> set) {
        return new JWSVerificationKeySelector<>(ALGORITHMS, set);
    }

    /**
     * The text at a key location: a file path or {@code file:} URL, else a resource of the application (MicroProfile
     * JWT's rule).
     */
    static String read(String location) throws IOException {
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        if (Files.isRegularFile(file)) {
            return Files.readString(file);
        }
        String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
            if (in == null) {
                throw new IOException("no file or application resource at '" + location + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One key, which must fit RS256 or ES256: told at start, not by every token's refusal. */
    private static SigningKeys one(JWK key) throws KeyException {
        if (!(key instanceof RSAKey) && !(key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))) {
            throw new KeyException("the key is " + key.getKeyType() + (key instanceof ECKey ec ? " " + ec.getCurve() : "")
                    + "; only RSA keys (RS256) and EC P-256 keys (ES256) are accepted");
        }
        return new SigningKeys(new JWKSet(key), true);
    }

    /**
     * The one key, for a token signed with the algorithm that fits it (RS256 for RSA, ES256 for EC P-256), whatever
     * kid or x5t the header names; for every other algorithm, {@code none} and HMAC among them, no key.
     */
    private static JWSKeySelector<SecurityContext> only(JWK key) throws KeyException {
        try {
            JWSAlgorithm fits = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
            Key publicKey = key instanceof RSAKey rsa ? rsa.toPublicKey() : key.toECKey().toPublicKey();
            return (header, context) -> fits.equals(header.getAlgorithm()) ? List.of(publicKey) : List.of();
        } catch (JOSEException e) {
            throw new KeyException("the key cannot be used: " + e.getMessage());
        }
    }

    private static PublicKey certificateKey(String pem) throws KeyException {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new KeyException("the PEM certificate cannot be read: " + e.getMessage());
        }
    }

    /** An RSA or EC {@code PUBLIC KEY} PEM (the X.509 SubjectPublicKeyInfo that {@code openssl pkey -pubout} writes). */
    private static PublicKey publicKey(String pem) throws KeyException {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        } catch (IllegalArgumentException e) {
            throw new KeyException("the PEM public key is not valid Base64");
        }
        var spec = new X509EncodedKeySpec(der);
        for (String type : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(type).generatePublic(spec);
            } catch (GeneralSecurityException notThisType) {
                // try the next
            }
        }
        throw new KeyException("the PEM holds neither an RSA nor an EC public key");
    }

    private static JWK jwk(PublicKey key) throws KeyException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (curve == null) {
                throw new KeyException("the EC public key is on a curve nimbus does not know");
            }
            return new ECKey.Builder(curve, ec).build();
        }
        throw new KeyException("the key is " + key.getAlgorithm() + "; only RSA and EC keys are accepted");
    }
}
