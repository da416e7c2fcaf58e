package org.graphstatus.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.graphstatus.startup.StartupFailure;

/**
 * Verifies bearer tokens with the standard MicroProfile JWT keys ({@code mp.jwt.verify.publickey.location}
 * or {@code .publickey}, {@code .issuer}, {@code .audiences}, {@code .clock.skew}) and the tenant settings
 * ({@code graph.tenants.allowed}, {@code .default}; {@link TenantRules}), checked at start by
 * {@link TokenSettings}. Only RS256 and ES256
 * signatures by a configured key pass ({@link SigningKeys} reads the keys and says which one a token gets):
 * {@code none}, HMAC and every other algorithm are refused. Unlike
 * Payara's built-in parser it does not demand {@code jti}, which Microsoft identity platform tokens lack.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());

    @Inject
    Config config;

    /** Development mode: the development key and issuer stand in for unset ones (see {@link TokenSettings}). */
    @Inject
    @ConfigProperty(name = "graph.development", defaultValue = "false")
    boolean development;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    /**
     * Connect and read timeouts of a JWKS read. nimbus's default, 500 ms, failed a start whose key server was
     * slow to answer on a loaded machine (TokenCacheIT in CI); a start waits for the first read anyway.
     */
    static final int JWKS_TIMEOUT_MILLISECONDS = 5_000;
    /** nimbus's own default limit of a JWKS's size. */
    static final int JWKS_SIZE_LIMIT = JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT;

    private DefaultJWTProcessor<SecurityContext> processor;

    private TenantRules tenants;

    private final TokenCache verified = new TokenCache();

    /**
     * Nothing to do but be called: delivering the start event makes CDI create this bean at deployment, so
     * {@link #configure} reads the keys then, and a wrong setting stops the start instead of every request. Before
     * the schema migration (which observes the same event at the default priority): a start that fails on its
     * token settings leaves the database as it was, and migration 6 never moves rows into a default tenant that
     * these settings refuse (an empty {@code GRAPH_TENANTS_DEFAULT}, which MicroProfile Config reads as unset).
     */
    void createdAtStart(
            @Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object start) {
        // the work is in configure()
    }

    @PostConstruct
    void configure() {
        try {
            configureProcessor();
        } catch (RuntimeException e) {
            throw StartupFailure.cannotStart("the token settings are wrong: " + e.getMessage());
        }
    }

    private void configureProcessor() {
        TokenSettings settings = TokenSettings.resolve(this::setting, development);
        // an issuer template names no one issuer: TenantRules compares iss with it once the tid is known
        boolean template = settings.tenants().issuerTemplate().isPresent();
        var issuer = new JWTClaimsSet.Builder();
        if (!template) {
            issuer.issuer(settings.issuer());
        }
        var claims = new DefaultJWTClaimsVerifier<SecurityContext>(
                new HashSet<>(settings.audiences()),
                issuer.build(),
                // nimbus asks its sets for null: immutable sets would throw
                new HashSet<>(template ? Set.of("exp", "iss") : Set.of("exp")),
                null);
        claims.setMaxClockSkew(clockSkewSeconds);
        tenants = settings.tenants();
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keys(settings));
        processor.setJWTClaimsSetVerifier(claims);
        if (!settings.developmentDefaults().isEmpty()) {
            LOG.warning("Development mode (GRAPH_DEVELOPMENT=true): tokens are checked with "
                    + String.join(" and ", settings.developmentDefaults()) + "; the development private key is in "
                    + "this repository, so anyone can mint tokens. Never use development mode in production.");
        }
    }

    /**
     * A setting's raw value from the first config source that has it, blank included: MicroProfile Config reads
     * an empty value as "not set", which would turn {@code MP_JWT_VERIFY_ISSUER=} into "no issuer".
     */
    private Optional<String> setting(String name) {
        for (ConfigSource source : config.getConfigSources()) {
            String value = source.getValue(name);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks signature, claims and tenant the first time a token is seen; after that, until its exp, asks the cache,
     * which keeps only tokens that passed all three.
     */
    public TokenVerification verify(String token) throws InvalidTokenException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        boolean[] checked = {false};
        VerifiedToken verifiedToken = verified.verify(token, unknown -> {
            checked[0] = true;
            return check(unknown);
        });
        return new TokenVerification(verifiedToken, !checked[0], started, System.nanoTime() - start);
    }

    private VerifiedToken check(String token) throws InvalidTokenException {
        return tenants.admit(token, process(token));
    }

    private JWTClaimsSet process(String token) throws InvalidTokenException {
        try {
            return processor.process(token, null);
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

    /** The key selector for the configured key: see {@link SigningKeys} for which key a token gets. */
    private JWSKeySelector<SecurityContext> keys(TokenSettings settings) {
        try {
            if (settings.key().isPresent()) {
                return SigningKeys.parse(settings.key().get()).selector();
            }
            String location = settings.keyLocation().orElseThrow();
            if (settings.keyAtUrl()) {
                // nimbus keeps the set for 5 minutes and reads it again early for an unknown kid; each read is
                // shown to the token cache, which forgets every token when the keys changed
                JWKSource<SecurityContext> source = JWKSourceBuilder.create(URI.create(location).toURL(), new DefaultResourceRetriever(
                        JWKS_TIMEOUT_MILLISECONDS, JWKS_TIMEOUT_MILLISECONDS, JWKS_SIZE_LIMIT))
                        .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT,
                                event -> {
                                    if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> read) {
                                        verified.keySetRead(read.getJWKSet());
                                    }
                                })
                        .build();
                // read now: a URL that cannot be read stops the start, not every request after it
                if (source.get(new JWKSelector(new JWKMatcher.Builder().build()), null).isEmpty()) {
                    throw new KeySourceException("the JWKS at " + location + " holds no key");
                }
                return SigningKeys.selector(source);
            }
            return SigningKeys.parse(SigningKeys.read(location)).selector();
        } catch (KeySourceException e) {
            throw new IllegalStateException("The JWKS at " + settings.keyLocation().orElseThrow()
                    + " could not be read: " + StartupFailure.message(e, Exception.class), e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The token verification key could not be read: " + e.getMessage(), e);
        }
    }
}
