package org.graphstatus.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The scheme, host and port a client used to reach the service, from which every absolute URL it writes is made:
 * the fixed public URL ({@code graph.public-url}), or what a trusted proxy says in {@code Forwarded} (RFC 7239) or
 * {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port}.
 *
 * <p>Of a header a proxy appends to, the last value is taken: the one added by the proxy the service talks to,
 * which is the one trusted. An earlier value may be the client's own.
 */
public record PublicOrigin(String scheme, String host, int port) {

    /** An IPv6 host in brackets, as a URL spells it (a servlet container may give it without). */
    public PublicOrigin {
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
    }

    /** {@code scheme://host[:port]}, the port left out where it is the scheme's own. */
    @Override
    public String toString() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    /**
     * The setting {@code graph.public-url}: an http or https URL with a host and at most a port, e.g.
     * {@code https://graph.example.com}; anything else (a path, a query, user info) is refused with the reason.
     */
    public static PublicOrigin parseUrl(String setting) {
        URI url;
        try {
            url = new URI(setting.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + setting + "' is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("'" + setting + "' is not an http or https URL with a host");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
                || !(url.getRawPath().isEmpty() || url.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("'" + setting + "' has more than a scheme, a host and a port: the "
                    + "service is served at the root of its address");
        }
        return new PublicOrigin(scheme, url.getHost().toLowerCase(Locale.ROOT),
                url.getPort() < 0 ? defaultPort(scheme) : url.getPort());
    }

    /**
     * What a proxy's headers say, {@code Forwarded} before {@code X-Forwarded-*}, over {@code fallback} (the
     * address the request reached): a header that is missing, or a value that is not a scheme or a host, leaves
     * that part as it was. {@code headers} gives every value of a header, in the order received.
     */
    public static PublicOrigin fromHeaders(Function<String, List<String>> headers, PublicOrigin fallback) {
        String scheme = null;
        String host = null;
        List<String> forwarded = headers.apply("Forwarded");
        if (!forwarded.isEmpty()) {
            String last = last(forwarded);
            for (String pair : last.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).strip());
                if (name.equals("proto")) {
                    scheme = value;
                } else if (name.equals("host")) {
                    host = value;
                }
            }
        } else {
            scheme = lastOrNull(headers.apply("X-Forwarded-Proto"));
            host = lastOrNull(headers.apply("X-Forwarded-Host"));
        }
        String chosenScheme = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                ? scheme.toLowerCase(Locale.ROOT) : fallback.scheme();
        URI named = host == null ? null : hostAndPort(chosenScheme, host);
        String forwardedPort = forwarded.isEmpty() ? lastOrNull(headers.apply("X-Forwarded-Port")) : null;
        int port;
        if (named != null && named.getPort() >= 0) {
            port = named.getPort();
        } else if (forwardedPort != null && forwardedPort.matches("\\d{1,5}") && Integer.parseInt(forwardedPort) <= 65535) {
            port = Integer.parseInt(forwardedPort);
        } else if (named == null && chosenScheme.equals(fallback.scheme())) {
            port = fallback.port(); // nothing said of the address: the one the request reached
        } else {
            port = defaultPort(chosenScheme);
        }
        return new PublicOrigin(chosenScheme, named == null ? fallback.host() : named.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** {@code host} or {@code host:port} as a Host header spells it, IPv6 in brackets; null if it is not one. */
    private static URI hostAndPort(String scheme, String text) {
        if (!text.matches("[A-Za-z0-9._~-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?")) {
            return null;
        }
        try {
            URI uri = new URI(scheme + "://" + text);
            return uri.getHost() == null || uri.getPort() > 65535 ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** The last element of a header sent once or several times, each possibly a comma-separated list. */
    private static String last(List<String> values) {
        String joined = values.get(values.size() - 1);
        int comma = joined.lastIndexOf(',');
        return (comma < 0 ? joined : joined.substring(comma + 1)).strip();
    }

    private static String lastOrNull(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        String value = last(values);
        return value.isEmpty() ? null : value;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
