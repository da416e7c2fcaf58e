package org.graphstatus.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.graphstatus.startup.StartupFailure;

/**
 * Makes every absolute URL the service writes name the address the client used: {@code @odata.nextLink},
 * {@code @odata.context}, {@code Location} and the URLs in {@code $batch} answers all come from the request's
 * URL, which this filter sets to {@link PublicOrigin}'s scheme, host and port before Jersey reads it. (The
 * OpenAPI document's server is relative, {@code mp.openapi.servers=/}: Payara builds it from its listeners,
 * not from the request.)
 *
 * <p>The origin is {@code graph.public-url} when it is set; otherwise what {@code Forwarded} or
 * {@code X-Forwarded-*} say, only when the request comes from an address of {@code graph.trusted-proxies}
 * (default none); otherwise the address the request reached. Payara's network listener could take the scheme
 * from a header too, but from any client: nothing there limits it to trusted peers.
 *
 * <p>{@link #ORIGINAL} keeps the address the request reached: an error dispatch of the same request finds it
 * there and is not wrapped twice.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR}, asyncSupported = true)
public class PublicAddressFilter extends HttpFilter {

    /** The request attribute that holds the address the request reached, as a {@link PublicOrigin}. */
    public static final String ORIGINAL = PublicAddressFilter.class.getName() + ".original";

    private PublicOrigin publicUrl;
    private TrustedProxies trusted;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        try {
            publicUrl = config.getOptionalValue("graph.public-url", String.class).map(PublicOrigin::parseUrl).orElse(null);
        } catch (IllegalArgumentException e) {
            throw StartupFailure.cannotStart("graph.public-url (GRAPH_PUBLIC_URL): " + e.getMessage());
        }
        try {
            trusted = TrustedProxies.parse(config.getOptionalValue("graph.trusted-proxies", String.class).orElse(""));
        } catch (IllegalArgumentException e) {
            throw StartupFailure.cannotStart("graph.trusted-proxies (GRAPH_TRUSTED_PROXIES): " + e.getMessage());
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(ORIGINAL) != null) { // an error dispatch of a request already seen
            chain.doFilter(request, response);
            return;
        }
        var reached = new PublicOrigin(request.getScheme(), request.getServerName(), request.getServerPort());
        request.setAttribute(ORIGINAL, reached);
        PublicOrigin origin = publicUrl != null ? publicUrl
                : trusted.contains(request.getRemoteAddr())
                        ? PublicOrigin.fromHeaders(name -> Collections.list(request.getHeaders(name)), reached)
                        : reached;
        chain.doFilter(origin.equals(reached) ? request : new AtOrigin(request, origin), response);
    }

    /** The request as if it had reached {@code origin}: what Jersey and Payara build URLs from. */
    private static final class AtOrigin extends HttpServletRequestWrapper {

        private final PublicOrigin origin;

        AtOrigin(HttpServletRequest request, PublicOrigin origin) {
            super(request);
            this.origin = origin;
        }

        @Override
        public String getScheme() {
            return origin.scheme();
        }

        @Override
        public boolean isSecure() {
            return origin.scheme().equals("https");
        }

        @Override
        public String getServerName() {
            return origin.host();
        }

        @Override
        public int getServerPort() {
            return origin.port();
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(origin.toString()).append(getRequestURI());
        }
    }
}
