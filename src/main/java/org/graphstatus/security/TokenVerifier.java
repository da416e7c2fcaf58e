package org.graphstatus.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.graphstatus.StartupFailure;

/**
 * Verifies bearer tokens with the standard MicroProfile JWT keys ({@code mp.jwt.verify.publickey.location}
 * or {@code .publickey}, {@code .issuer}, {@code .audiences}, {@code .clock.skew}). Only RS256 and ES256
 * signatures by a configured key pass: {@code none}, HMAC and every other algorithm are refused. Unlike
 * Payara's built-in parser it does not demand {@code jti}, which Microsoft identity platform tokens lack.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences; // comma-separated; Payara cannot inject Optional<List<String>>

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    private DefaultJWTProcessor<SecurityContext> processor;

    private final TokenCache verified = new TokenCache();

    /** Reads the keys at deployment (in {@link #configure}), so a wrong setting stops the start, not every request. */
    void verifyConfigurationAtStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        processor.getJWSKeySelector();
    }

    @PostConstruct
    void configure() {
        try {
            configureProcessor();
        } catch (RuntimeException e) {
            throw StartupFailure.exit("the token settings are wrong: " + e.getMessage());
        }
    }

    private void configureProcessor() {
        var claims = new DefaultJWTClaimsVerifier<SecurityContext>(
                audiences.map(list -> new HashSet<>(Arrays.asList(list.trim().split("\\s*,\\s*")))).orElse(null),
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(Set.of("exp")), // nimbus asks its sets for null: immutable sets would throw
                null);
        claims.setMaxClockSkew(clockSkewSeconds);
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys()));
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Checks signature and claims the first time a token is seen; after that, until its exp, asks the cache. */
    public VerifiedToken verify(String token) throws InvalidTokenException {
        return verified.verify(token, this::check);
    }

    private VerifiedToken check(String token) throws InvalidTokenException {
        try {
            return new VerifiedToken(token, processor.process(token, null));
        } catch (ExpiredJWTException e) {
            throw new InvalidTokenException("Access token has expired or is not yet valid.");
        } catch (BadJWTException e) {
            throw new InvalidTokenException("Access token validation failure: " + e.getMessage() + ".");
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException("Access token validation failure: the signature was not made by a trusted key with RS256 or ES256.");
        } catch (ParseException e) {
            throw new InvalidTokenException("Access token is not a signed JWT.");
        }
    }

    private JWKSource<SecurityContext> keys() {
        try {
            if (key.isPresent()) {
                return new ImmutableJWKSet<>(parse(key.get()));
            }
            String location = keyLocation.orElseThrow(() -> new IllegalStateException(
                    "Set mp.jwt.verify.publickey.location (or MP_JWT_VERIFY_PUBLICKEY_LOCATION) to a PEM file or a JWKS URL."));
            if (location.startsWith("https://") || location.startsWith("http://")) {
                // nimbus keeps the set for 5 minutes and reads it again early for an unknown kid; each read is
                // shown to the token cache, which forgets every token when the keys changed
                return JWKSourceBuilder.create(URI.create(location).toURL())
                        .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT,
                                event -> {
                                    if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> read) {
                                        verified.keySetRead(read.getJWKSet());
                                    }
                                })
                        .build();
            }
            return new ImmutableJWKSet<>(parse(read(location)));
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("The token verification key could not be read: " + e.getMessage(), e);
        }
    }

    /** A PEM public key or certificate, a JWKS document, or a single JWK. */
    private static JWKSet parse(String text) throws ParseException, JOSEException {
        String trimmed = text.trim();
        if (trimmed.startsWith("-----BEGIN CERTIFICATE")) {
            return new JWKSet(JWK.parse(trimmed));
        }
        if (trimmed.startsWith("-----BEGIN PUBLIC KEY")) {
            return new JWKSet(publicKey(trimmed));
        }
        return trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
    }

    /** An RSA or EC {@code PUBLIC KEY} PEM, read by the JDK (nimbus's own PEM reader needs BouncyCastle). */
    private static JWK publicKey(String pem) throws JOSEException {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        var spec = new X509EncodedKeySpec(der);
        try {
            return new RSAKey.Builder((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec)).build();
        } catch (GeneralSecurityException notRsa) {
            try {
                var ec = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
                return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
            } catch (GeneralSecurityException notEc) {
                throw new JOSEException("the PEM holds neither an RSA nor an EC public key");
            }
        }
    }

    /** A file path or {@code file:} URL, else a resource of the application (MicroProfile JWT's rule). */
    private static String read(String location) throws IOException {
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
}
