package org.graphstatus.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicOriginTest {

    static final PublicOrigin REACHED = new PublicOrigin("http", "127.0.0.1", 8080);

    static String from(Map<String, List<String>> headers) {
        return PublicOrigin.fromHeaders(name -> headers.getOrDefault(name, List.of()), REACHED).toString();
    }

    @Test
    void publicUrl() {
        assertEquals("https://graph.example.com", PublicOrigin.parseUrl("https://graph.example.com").toString());
        assertEquals("https://graph.example.com", PublicOrigin.parseUrl("HTTPS://Graph.Example.com:443/").toString());
        assertEquals("https://graph.example.com:8443", PublicOrigin.parseUrl("https://graph.example.com:8443").toString());
        assertEquals("http://[::1]:8080", PublicOrigin.parseUrl("http://[::1]:8080").toString());
        for (String bad : new String[] {"graph.example.com", "ftp://graph.example.com", "https://graph.example.com/beta",
                "https://user@graph.example.com", "https://graph.example.com?x=1", "https://", "https://a b"}) {
            assertThrows(IllegalArgumentException.class, () -> PublicOrigin.parseUrl(bad), bad);
        }
    }

    @Test
    void forwardedTakesTheLastElement() {
        assertEquals("https://graph.example.com", from(Map.of("Forwarded", List.of("proto=https;host=graph.example.com"))));
        assertEquals("https://graph.example.com:8443",
                from(Map.of("Forwarded", List.of("for=198.51.100.7;host=evil.example;proto=http",
                        "for=192.0.2.1;proto=https;host=\"graph.example.com:8443\""))));
        assertEquals("https://graph.example.com", from(Map.of("Forwarded",
                List.of("host=evil.example, for=192.0.2.1;Proto=HTTPS;Host=graph.example.com"))));
        assertEquals("https://127.0.0.1", from(Map.of("Forwarded", List.of("proto=https"))),
                "a scheme alone keeps the host, with the scheme's port");
    }

    @Test
    void forwardedWinsOverXForwarded() {
        assertEquals("https://graph.example.com", from(Map.of("Forwarded", List.of("proto=https;host=graph.example.com"),
                "X-Forwarded-Host", List.of("other.example"), "X-Forwarded-Port", List.of("9999"))));
    }

    @Test
    void xForwardedHeaders() {
        assertEquals("https://graph.example.com", from(Map.of("X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-Host", List.of("graph.example.com"))));
        assertEquals("https://graph.example.com:8443", from(Map.of("X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-Host", List.of("graph.example.com"), "X-Forwarded-Port", List.of("8443"))));
        assertEquals("https://graph.example.com:8443", from(Map.of("X-Forwarded-Proto", List.of("http, https"),
                "X-Forwarded-Host", List.of("evil.example, graph.example.com:8443"))));
        assertEquals("https://127.0.0.1", from(Map.of("X-Forwarded-Proto", List.of("https"))));
        assertEquals("http://graph.example.com", from(Map.of("X-Forwarded-Host", List.of("graph.example.com"))));
    }

    @Test
    void valuesThatAreNotASchemeOrAHostAreIgnored() {
        assertEquals("http://127.0.0.1:8080", from(Map.of()));
        assertEquals("http://127.0.0.1:8080", from(Map.of("X-Forwarded-Proto", List.of("javascript"),
                "X-Forwarded-Host", List.of("evil.example/path"))));
        assertEquals("http://127.0.0.1:8080", from(Map.of("Forwarded", List.of("host=\"a b\";proto=gopher"))));
        assertEquals("https://127.0.0.1", from(Map.of("X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-Host", List.of("user@evil.example"), "X-Forwarded-Port", List.of("99999"))));
        assertEquals("http://[::1]:9090", from(Map.of("X-Forwarded-Host", List.of("[::1]:9090"))));
    }
}
