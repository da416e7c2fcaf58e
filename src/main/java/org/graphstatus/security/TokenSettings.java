package org.graphstatus.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The token settings as the operator gave them, checked before any token is seen. The rules:
 * <ul>
 * <li>Without development mode ({@code graph.development}, env {@code GRAPH_DEVELOPMENT}) there is no key and no
 * issuer by default: a start without them fails and names the three settings. The development key's private half
 * is in the repository, so trusting it by default would let anyone mint tokens.</li>
 * <li>In development mode the development key and issuer stand in for whichever of them is not set, and
 * {@link #developmentDefaults()} says which, for the start's warning.</li>
 * <li>A setting that is present but empty (an environment variable set to nothing) is a mistake, never "no
 * check": an empty issuer or audience list fails the start, as does an empty entry in the list.</li>
 * <li>A JWKS URL is {@code https://}; {@code http://} only on loopback, where no one can change the keys in
 * transit.</li>
 * <li>The issuer may be a template for many tenants ({@value TenantRules#PLACEHOLDER}, see {@link TenantRules});
 * then the allow-list of tenants ({@code graph.tenants.allowed}) is required, because without it every tenant of
 * the identity platform could use the service. Any other {@code {...}} in the issuer is a placeholder left unfilled
 * (the README's {@code {tenant}}), which would refuse every token.</li>
 * <li>The allow-list is {@code *} or tenant ids; the default tenant is a tenant id. Neither may be empty or hold an
 * empty entry, nor a value that no {@code tid} can be (see {@link TenantRules}): it could never match.</li>
 * </ul>
 */
record TokenSettings(Optional<String> key, Optional<String> keyLocation, String issuer, Set<String> audiences,
        TenantRules tenants, List<String> developmentDefaults) {

    static final String KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String TENANTS_DEFAULT = "graph.tenants.default";
    static final String TENANTS_ALLOWED = "graph.tenants.allowed";

    static final String DEVELOPMENT_KEY = "dev-jwt/development-only.public.pem";
    static final String DEVELOPMENT_ISSUER = "urn:graph-install-status:development";

    /**
     * Reads the settings; {@code setting} answers a setting's raw value, blank included, or empty when it is not
     * set at all. The exception's message names what to fix.
     */
    static TokenSettings resolve(Function<String, Optional<String>> setting, boolean development) {
        Optional<String> key = nonBlank(setting, KEY);
        Optional<String> location = nonBlank(setting, KEY_LOCATION);
        Optional<String> issuer = nonBlank(setting, ISSUER);
        Optional<String> audiences = nonBlank(setting, AUDIENCES);
        List<String> defaults = new ArrayList<>();
        if (development && key.isEmpty() && location.isEmpty()) {
            location = Optional.of(DEVELOPMENT_KEY);
            defaults.add("the development key (" + DEVELOPMENT_KEY + ")");
        }
        if (development && issuer.isEmpty()) {
            issuer = Optional.of(DEVELOPMENT_ISSUER);
            defaults.add("the development issuer (" + DEVELOPMENT_ISSUER + ")");
        }
        if ((key.isEmpty() && location.isEmpty()) || issuer.isEmpty() || audiences.isEmpty()) {
            throw new IllegalStateException("no token " + (key.isEmpty() && location.isEmpty() ? "key" : "issuer or audience")
                    + " is configured: set " + KEY_LOCATION + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION), " + ISSUER
                    + " (MP_JWT_VERIFY_ISSUER) and " + AUDIENCES + " (MP_JWT_VERIFY_AUDIENCES) to your identity "
                    + "platform's, or set GRAPH_DEVELOPMENT=true to trust the development key of this repository");
        }
        location.ifPresent(TokenSettings::checkUrl);
        TenantRules tenants = tenants(issuer.get(), nonBlank(setting, TENANTS_ALLOWED), nonBlank(setting, TENANTS_DEFAULT));
        return new TokenSettings(key, location, issuer.get(), audiences(audiences.get()), tenants, List.copyOf(defaults));
    }

    private static TenantRules tenants(String issuer, Optional<String> allowed, Optional<String> defaultTenant) {
        String unfilled = issuer.replace(TenantRules.PLACEHOLDER, "");
        if (unfilled.contains("{") || unfilled.contains("}")) {
            throw new IllegalStateException(ISSUER + " has a placeholder other than " + TenantRules.PLACEHOLDER + ": " + issuer);
        }
        boolean template = issuer.contains(TenantRules.PLACEHOLDER);
        if (template && allowed.isEmpty()) {
            throw new IllegalStateException(ISSUER + " is a template for many tenants (" + issuer + "): set "
                    + TENANTS_ALLOWED + " (GRAPH_TENANTS_ALLOWED) to the tenant ids that may use this service, "
                    + "comma-separated, or to " + TenantRules.ANY + " for any tenant");
        }
        return new TenantRules(template ? Optional.of(issuer) : Optional.empty(),
                allowedTenants(allowed.orElse(TenantRules.ANY)),
                tenantId(TENANTS_DEFAULT, defaultTenant.orElse(Tenants.DEFAULT)));
    }

    private static Set<String> allowedTenants(String list) {
        var tenants = new LinkedHashSet<>(Arrays.asList(list.split("\\s*,\\s*", -1)));
        if (tenants.contains("")) {
            throw new IllegalStateException(TENANTS_ALLOWED + " has an empty entry: '" + list + "'");
        }
        if (tenants.contains(TenantRules.ANY) && tenants.size() > 1) {
            throw new IllegalStateException(TENANTS_ALLOWED + " is " + TenantRules.ANY
                    + " (any tenant) or a list of tenant ids, not both: '" + list + "'");
        }
        if (!tenants.contains(TenantRules.ANY)) {
            tenants.forEach(tenant -> tenantId(TENANTS_ALLOWED, tenant));
        }
        return Set.copyOf(tenants);
    }

    private static String tenantId(String name, String value) {
        if (!Tenants.valid(value)) {
            throw new IllegalStateException(name + " has '" + value + "', which is not a tenant id (" + Tenants.RULE + ")");
        }
        return value;
    }

    /** Whether the key is a JWKS to be read from a URL rather than a file or resource. */
    boolean keyAtUrl() {
        return key.isEmpty() && keyLocation.filter(l -> l.startsWith("https://") || l.startsWith("http://")).isPresent();
    }

    private static Optional<String> nonBlank(Function<String, Optional<String>> setting, String name) {
        Optional<String> value = setting.apply(name);
        if (value.isPresent() && value.get().isBlank()) {
            throw new IllegalStateException(name + " is set but empty");
        }
        return value.map(String::strip);
    }

    private static Set<String> audiences(String list) {
        var audiences = new LinkedHashSet<>(Arrays.asList(list.split("\\s*,\\s*", -1)));
        if (audiences.contains("")) {
            throw new IllegalStateException(AUDIENCES + " has an empty entry: '" + list + "'");
        }
        return audiences;
    }

    private static void checkUrl(String location) {
        if (!location.startsWith("http://")) {
            return;
        }
        String host;
        try {
            host = URI.create(location).getHost();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_LOCATION + " is not a URL: " + location);
        }
        if (host == null || !loopback(host)) {
            throw new IllegalStateException(KEY_LOCATION + " must be an https:// URL (http:// only on loopback): " + location);
        }
    }

    /** localhost, 127.0.0.0/8 or [::1], by the name as written: no lookup that DNS could answer otherwise. */
    private static boolean loopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.matches("127(\\.\\d{1,3}){3}")
                || host.equals("[::1]") || host.equals("[0:0:0:0:0:0:0:1]");
    }
}
