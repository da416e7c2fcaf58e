package org.graphstatus;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a browser and a prober see besides the API: the security headers on pages, API answers and errors, and
 * the container's own files (WEB-INF, META-INF), which must stay unreachable however the path is spelled (older
 * Payara served {@code /.//WEB-INF/web.xml}).
 */
class HardeningIT extends DeployedService {

    private static final String PAGES = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void apiAnswersWithTenantDataAreNotStoredOrSniffed() {
        String app = graph.newApp();
        for (Answer answer : List.of(graph.get(Routes.app(app)), graph.get(APPS), graph.post(Routes.deviceStatuses(app), "{}"),
                graph.get(Routes.installSummary(app)), graph.get(Routes.app(app) + "/nothing"),
                graph.get(APPS + "/00000000-0000-0000-0000-000000000000"))) {
            assertEquals("no-store", answer.header("Cache-Control"), answer.response().uri() + " " + answer.status());
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.response().uri().toString());
            assertEquals("default-src 'none'; frame-ancestors 'none'", answer.header("Content-Security-Policy"));
        }
    }

    @Test
    void refusedTokensAreAnsweredWithTheHeadersToo() {
        for (String token : new String[] {null, "not-a-token"}) {
            Answer refused = GraphClient.send(GraphClient.request(graph.uri(APPS), token).GET());
            assertEquals(401, refused.status(), refused.body());
            assertEquals("nosniff", refused.header("X-Content-Type-Options"), String.valueOf(token));
            assertEquals("no-store", refused.header("Cache-Control"), String.valueOf(token));
        }
    }

    @Test
    void theOverviewLoadsOnlyItsOwnScriptsAndStylesAndCannotBeFramed() {
        for (String path : new String[] {"", "index.html", "overview/overview.js", "overview/overview.css", "no-such-page"}) {
            Answer page = root(path);
            assertEquals(PAGES, page.header("Content-Security-Policy"), "/" + path);
            assertEquals("nosniff", page.header("X-Content-Type-Options"), "/" + path);
            assertNull(page.header("Cache-Control"), "/" + path + " holds no tenant data");
        }
        assertEquals(200, root("").status());
        assertEquals(404, root("no-such-page").status());
    }

    /** Payara's own endpoints answer through the application's filters too. */
    @Test
    void payarasOwnEndpointsAreNotSniffedEither() {
        for (String path : new String[] {"openapi", "health", "metrics"}) {
            Answer answer = GraphClient.send(GraphClient.request(graph.rootUri(path), null).setHeader("Accept", "*/*").GET());
            assertEquals(200, answer.status(), path);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
        }
    }

    /** Swagger UI 5 needs no inline styles: its page has the overview's policy (BrowserIT runs it under it). */
    @Test
    void theOpenApiUiLoadsOnlyItsOwnScriptsAndStylesToo() {
        for (String path : new String[] {"openapi-ui/", "openapi-ui/openapi-ui.js"}) {
            Answer page = root(path);
            assertEquals(200, page.status(), path);
            assertEquals(PAGES, page.header("Content-Security-Policy"), path);
            assertEquals("nosniff", page.header("X-Content-Type-Options"), path);
        }
    }

    /**
     * The three paths of the old Payara issue are 404s, but for {@code /.//WEB-INF/web.xml}, which Payara refuses
     * before any web application sees it, so no filter or error page of ours can shape the answer: Grizzly's URI
     * decoder (its {@code normalizeBuffer}) keeps the state "after /." past the {@code /./} it removes, so the next
     * slash also steps back, and {@code /.//WEB-INF/web.xml} becomes the relative {@code WEB-INF/web.xml}, which
     * Catalina's {@code CoyoteAdapter} then refuses: {@code 400 Invalid URI: Request must start with /}, empty, for
     * every path that starts {@code /.//}. (When this assertion fails, Payara fixed its decoder: expect a 404.) The
     * same flaw makes {@code /x/.//WEB-INF/web.xml} the path {@code /xWEB-INF/web.xml}, and {@code /.///...} an
     * index out of bounds that Payara logs as SEVERE and answers with an empty 200. The other spellings may be
     * refused or land on a page of ours ({@code /;x/WEB-INF/web.xml} serves the overview), but never show the file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/WEB-INF/web.xml", "/.//WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/./WEB-INF/web.xml",
        "//WEB-INF/web.xml", "/WEB-INF/./web.xml", "/web-inf/web.xml", "/WEB-INF/beans.xml", "/.//META-INF/MANIFEST.MF",
        "/WEB-INF/classes/META-INF/microprofile-config.properties", "/overview/../WEB-INF/web.xml", "/%2e/WEB-INF/web.xml",
        "/WEB-INF%2fweb.xml", "/;x/WEB-INF/web.xml", "/%2e%2e/WEB-INF/web.xml", "/WEB-INF/lib/", "/.///WEB-INF/web.xml",
        "/WEB-INF/.//web.xml", "/x/.//WEB-INF/web.xml", "/././/WEB-INF/web.xml", "/.%2f/WEB-INF/web.xml"})
    void theContainersOwnFilesAreNotServed(String path) {
        String answer = raw(path);
        String status = answer.substring(0, answer.indexOf("\r\n"));
        if (path.equals("/.//WEB-INF/web.xml")) {
            assertEquals("HTTP/1.1 400 Invalid URI: Request must start with /", status, path + ":\n" + answer);
        } else if (List.of("/WEB-INF/web.xml", "/META-INF/MANIFEST.MF").contains(path)) {
            assertEquals("HTTP/1.1 404 Not Found", status, path + ":\n" + answer);
            assertTrue(answer.contains("\r\nX-Content-Type-Options: nosniff\r\n"), path + ":\n" + answer);
        }
        for (String content : new String[] {"<web-app", "Manifest-Version", "mp.jwt", "<beans", ".jar"}) {
            assertFalse(answer.contains(content), path + ":\n" + answer);
        }
    }

    private Answer root(String path) {
        return GraphClient.send(GraphClient.request(graph.rootUri(path), null).GET());
    }

    /** The request line exactly as written: HTTP clients tidy paths like {@code /.//WEB-INF} before sending them. */
    private String raw(String path) {
        var uri = graph.rootUri("");
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 "), answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
