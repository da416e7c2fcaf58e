package org.graphstatus.http;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.graphstatus.testing.Browser;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Nginx;
import org.graphstatus.testing.NodeTests;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.TestTls;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Deployed as "Behind a proxy" in docs/security.md says: Debian's nginx terminates TLS with a certificate the test makes
 * and forwards to the service, which trusts it ({@code GRAPH_TRUSTED_PROXIES}) and no one else. The same server
 * also has its own HTTPS listener, with a key store made from the same PEM files. Every link a client is given
 * names the address the client used; a client that is not the proxy cannot change that. H2 run only: nothing
 * here depends on the database.
 */
class BehindProxyIT {

    static TestTls tls;
    static PayaraProcess server;
    static Nginx nginx;
    static int sslPort;

    /** The proxy's address as clients know it, and a client of it. */
    static URI proxy;
    static GraphClient throughProxy;

    @BeforeAll
    static void start() {
        assumeFalse(Databases.postgresqlRun(), "H2 run only: what is tested here does not touch the database");
        Path work = Path.of("target", "behind-proxy", UUID.randomUUID().toString()).toAbsolutePath();
        tls = TestTls.create(work.resolve("tls"));
        int port = PayaraProcess.freePort();
        sslPort = PayaraProcess.freePort();
        server = PayaraProcess.start(work, "BehindProxyIT", port,
                Map.of("GRAPH_TRUSTED_PROXIES", Nginx.PROXY_ADDRESS, "GRAPH_DATA_DIR", work.resolve("data").toString()),
                List.of("-Djavax.net.ssl.keyStore=" + tls.keyStore(), "-Djavax.net.ssl.keyStorePassword=" + tls.keyStorePassword()),
                List.of("--sslport", String.valueOf(sslPort), "--sslcert", tls.alias()));
        nginx = Nginx.start(work.resolve("nginx"), PayaraProcess.freePort(), port, tls);
        proxy = URI.create("https://localhost:" + nginx.port() + "/");
        throughProxy = new GraphClient(proxy, tls.client());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theJavaScriptClientWalksPagesAndBatchesThroughTheProxy() throws Exception {
        NodeTests.run(proxy.resolve("beta").toString(), Map.of("NODE_EXTRA_CA_CERTS", tls.certificate().toString()),
                "over-https.js");
    }

    @Test
    void theJavaScriptClientWalksPagesAndBatchesOnTheServersOwnHttpsListener() throws Exception {
        NodeTests.run("https://localhost:" + sslPort + "/beta",
                Map.of("NODE_EXTRA_CA_CERTS", tls.certificate().toString(), "GRAPH_STATUSES", "60"), "over-https.js");
    }

    @Test
    void everyLinkNamesTheProxy() {
        assertLinksOn(throughProxy, proxy.toString());
    }

    @Test
    void aClientThatIsNotTheProxyCannotRewriteTheLinks() {
        URI own = server.graph().rootUri("");
        // Every header a proxy sets, sent by a client on 127.0.0.1, which is not a trusted proxy.
        GraphClient forger = server.graph().with(Map.of("Forwarded", "for=192.0.2.1;proto=https;host=evil.example",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "443"));
        assertLinksOn(forger, own.toString());
    }

    @Test
    void aFixedPublicUrlWinsOverEveryHeader() {
        Path work = Path.of("target", "behind-proxy", UUID.randomUUID().toString()).toAbsolutePath();
        try (var fixed = PayaraProcess.start(work, "BehindProxyIT public URL", PayaraProcess.freePort(),
                Map.of("GRAPH_PUBLIC_URL", "https://graph.example.com", "GRAPH_TRUSTED_PROXIES", "127.0.0.1,::1",
                        "GRAPH_DATA_DIR", work.resolve("data").toString()))) {
            // Even a trusted proxy's headers do not move it.
            assertLinksOn(fixed.graph().with(Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Host", "other.example")),
                    "https://graph.example.com/");
        }
    }

    @Test
    void theOverviewAndTheOpenApiUiWorkThroughTheProxy() {
        String app = throughProxy.newApp();
        try (var browser = new Browser(true)) {
            assertEquals("201", browser.createThroughTheOpenApiUi(proxy, app, Tokens.delegated(Tokens.READ_WRITE)));
            browser.screenshot("openapi-ui-behind-proxy");
            assertEquals(List.of(), browser.blockedByPolicy());

            String shown = throughProxy.newApp();
            assertEquals(201, throughProxy.post(Routes.deviceStatuses(shown), "{\"deviceName\":\"pc-proxy-01\","
                    + "\"installState\":\"failed\"}").status());
            browser.driver.get(proxy.toString());
            browser.driver.findElement(By.id("token")).sendKeys(Tokens.delegated(Tokens.READ), Keys.ENTER);
            new Select(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")))).selectByValue(shown);
            browser.wait.until(ExpectedConditions.textToBe(By.id("chart-caption"),
                    "installed: 0, failed: 1, pendingInstall: 0, notInstalled: 0, notApplicable: 0"));
            assertEquals(1, browser.driver.findElements(By.cssSelector("#statuses tr")).size());
            browser.screenshot("overview-behind-proxy");
            assertEquals(List.of(), browser.blockedByPolicy());
        }
    }

    /**
     * A create's Location and @odata.context, a page's @odata.nextLink, a $batch answer's Location and
     * contexts all begin with {@code origin} (ending in /), and the OpenAPI document's server is the client's.
     */
    static void assertLinksOn(GraphClient client, String origin) {
        String beta = origin + "beta/";
        Answer app = client.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"Linked\"}");
        assertEquals(201, app.status(), app.body());
        String appId = app.json().getString("id");
        assertEquals(beta + APPS + "/" + appId, app.header("Location"));
        assertTrue(app.json().getString("@odata.context").startsWith(beta + "$metadata#"), app.body());

        String statuses = Routes.deviceStatuses(appId);
        for (int i = 0; i < 2; i++) {
            Answer status = client.post(statuses, "{\"deviceName\":\"linked-" + i + "\"}");
            assertEquals(201, status.status(), status.body());
            assertEquals(beta + statuses + "/" + status.json().getString("id"), status.header("Location"));
        }
        Answer page = client.get(statuses + "?$top=1");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.json().getString("@odata.nextLink").startsWith(beta + statuses + "?"), page.body());
        assertTrue(page.json().getString("@odata.context").startsWith(beta + "$metadata#"), page.body());

        Answer batch = client.post("$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/" + statuses
                + "\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"deviceName\":\"batched\"}},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/" + statuses + "?$top=1\"}]}");
        assertEquals(200, batch.status(), batch.body());
        for (JsonObject answer : batch.json().getJsonArray("responses").getValuesAs(JsonObject.class)) {
            JsonObject body = answer.getJsonObject("body");
            assertTrue(body.getString("@odata.context").startsWith(beta + "$metadata#"), answer.toString());
            if (answer.getString("id").equals("1")) {
                assertEquals(201, answer.getInt("status"), answer.toString());
                assertEquals(beta + statuses + "/" + body.getString("id"),
                        answer.getJsonObject("headers").getString("Location"), answer.toString());
            } else {
                assertTrue(body.getString("@odata.nextLink").startsWith(beta + statuses + "?"), answer.toString());
            }
        }

        // The document's server is relative: it is wherever the reader read the document from.
        URI documentUrl = client.rootUri("openapi");
        Answer openapi = client.call(GraphClient.request(documentUrl, null).GET());
        assertEquals(200, openapi.status(), openapi.body());
        JsonObject document = Json.createReader(new StringReader(openapi.body())).readObject();
        assertEquals(1, document.getJsonArray("servers").size(), openapi.body());
        assertEquals(client.rootUri(""), documentUrl.resolve(
                document.getJsonArray("servers").getJsonObject(0).getString("url")), openapi.body());
    }
}
