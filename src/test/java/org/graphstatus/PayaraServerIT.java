package org.graphstatus;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.OtlpReceiver;
import org.graphstatus.testing.PayaraDomain;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Prometheus;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The Payara 6 servers of the table in docs/operating.md ("Supported servers"), on Java 17, each running a representative part of the black-box
 * tests that every other {@code *IT} runs on Payara Micro 7: the newest Payara Server 6 as an operator runs it (a
 * domain configured by {@code server-config/domain.sh}, the WAR deployed with {@code asadmin deploy}, the domain
 * restarted), and the oldest supported release, Payara Micro 6.2025.9 (whose EclipseLink 4.0.1 once failed the
 * deployment), with telemetry on and JSON logs: its spans are named and nested as on Payara 7, its request lines
 * are JSON, and Prometheus scrapes it. On the run's database, each on a
 * fresh one. Runs once per build, in failsafe's execution
 * {@code payara-server}.
 */
class PayaraServerIT {

    /** Set through the domain script (Micro: the environment), so a development-issuer token must be refused. */
    static final String ISSUER = "urn:graph-install-status:payara-server-it";
    static final String TOKEN = Tokens.sign(Tokens.claims(b -> b.issuer(ISSUER).claim("scp", Tokens.READ_WRITE)),
            Tokens.developmentKey());

    /** The JDK that runs Payara 6 (pom.xml's payara6.java.home). */
    static final Path JAVA = Path.of(System.getProperty("payara6.javaHome"));

    @Test
    void theNewestPayaraServer6() throws Exception {
        Path work = Path.of("target", "payara-server").toAbsolutePath();
        withDatabase(work, "server", env -> {
            // asadmin runs on AS_JAVA; the domain it starts on JAVA_HOME, which the build set to its JDK 21+
            env.put("AS_JAVA", JAVA.toString());
            env.put("JAVA_HOME", JAVA.toString());
            try (var domain = PayaraDomain.create(Path.of(System.getProperty("payara6.serverHome")),
                    work.resolve("domains"), env)) {
                // The issuer only through the script: the domain's own environment does not have it.
                domain.configure(Databases.postgresqlRun() ? "postgresql" : "h2", Map.of("MP_JWT_VERIFY_ISSUER", ISSUER));
                // the domain's log starts with its launch command
                assertTrue(Files.readString(domain.log()).contains(JAVA.resolve("bin").resolve("java").toString()),
                        "the domain runs on " + JAVA + "; see " + domain.log());
                String deployed = domain.asadmin("deploy", System.getProperty("graph.war"));
                assertTrue(deployed.contains("Command deploy executed successfully"), deployed);
                exercise(URI.create("http://localhost:" + domain.httpPort() + "/"), () -> {
                    domain.restart();
                    awaitDeployed(URI.create("http://localhost:" + domain.httpPort() + "/"), domain.log());
                }, domain.log());
            }
        });
    }

    @Test
    void theOldestPayaraMicro6() throws Exception {
        Path work = Path.of("target", "payara-micro-6-oldest").toAbsolutePath();
        Path jar = Path.of(System.getProperty("payara6.oldestMicroJar"));
        withDatabase(work, "micro", env -> {
            env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
            // Payara 6's MicroProfile Telemetry 1.1, traces only: the same spans as on Payara 7 (ObservabilityIT)
            var receiver = new OtlpReceiver();
            env.putAll(Map.of("OTEL_SDK_DISABLED", "false", "OTEL_TRACES_EXPORTER", "otlp",
                    "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(), "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                    "OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none", "OTEL_BSP_SCHEDULE_DELAY", "100",
                    "GRAPH_LOG_FORMAT", "json"));
            int port = PayaraProcess.freePort();
            URI root = URI.create("http://localhost:" + port + "/");
            var server = new PayaraProcess[] {PayaraProcess.start(JAVA, jar, work, "PayaraServerIT oldest", port, env)};
            try {
                exercise(root, () -> {
                    server[0].close();
                    server[0] = PayaraProcess.start(JAVA, jar, work, "PayaraServerIT oldest again", port, env);
                }, server[0].log());
                String create = "POST /beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses";
                Span span = receiver.await(s -> s.getName().equals(create) && s.getKind() == Span.SpanKind.SPAN_KIND_SERVER,
                        1, Duration.ofSeconds(30)).get(0);
                assertTrue(span.getAttributesList().stream().anyMatch(a -> a.getKey().equals("graph.request_id")), span.toString());
                receiver.await(s -> s.getName().equals("group commit") && s.getTraceId().equals(span.getTraceId()), 1,
                        Duration.ofSeconds(30));
                receiver.await(s -> s.getName().equals(create) && s.getKind() == Span.SpanKind.SPAN_KIND_INTERNAL
                        && s.getAttributesList().stream().anyMatch(a -> a.getKey().equals("graph.batch.request_id")), 1,
                        Duration.ofSeconds(30));
                // Payara 6's JSON log format has the request line's fields; its /metrics is Prometheus's to scrape
                assertTrue(Files.readAllLines(server[0].log()).stream().anyMatch(line -> line.startsWith("{")
                        && line.contains("\"LoggerName\":\"org.graphstatus.requests\"") && line.contains("\"requestId\":\"")
                        && line.contains("\"route\":\"/beta/")), "a JSON request line in " + server[0].log());
                try (var prometheus = Prometheus.start(work.resolve("prometheus"), PayaraProcess.freePort(), "localhost:" + port)) {
                    assertTrue(scraped(prometheus), "Prometheus scraped Payara 6's /metrics; see " + prometheus.log());
                }
            } finally {
                server[0].close();
                receiver.close();
            }
        });
    }

    /** Whether Prometheus has the request counts of the target, within 30 s. */
    static boolean scraped(Prometheus prometheus) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            var result = prometheus.query("sum(graph_requests_seconds_count{job=\"" + Prometheus.JOB + "\"})");
            if (!result.isEmpty() && Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)) > 0) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Create on both routes, a refusal, a token refusal, a list with query options, a restart that keeps the data. */
    static void exercise(URI root, Runnable restart, Path log) {
        awaitDeployed(root, log);
        String app = created(post(root, APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"Contoso\"}"));
        String user = created(post(root, Routes.userStatuses(app), "{\"userName\":\"Adele\"}"));
        String onApp = created(post(root, Routes.deviceStatuses(app),
                "{\"deviceName\":\"alpha\",\"installState\":\"installed\"}"));
        String onUser = created(post(root, Routes.deviceStatuses(app, user),
                "{\"deviceName\":\"beta\",\"installState\":\"failed\"}"));

        // A batch runs its requests through the server's own JAX-RS implementation, which differs by major.
        Answer batch = post(root, "$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/"
                + Routes.deviceStatuses(app) + "\",\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":{\"deviceName\":\"gamma\",\"installState\":\"installed\"}},{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/"
                + Routes.deviceStatus(app, onApp) + "\",\"dependsOn\":[\"1\"]}]}");
        assertEquals(200, batch.status(), batch.body());
        var answers = batch.json().getJsonArray("responses");
        assertEquals(201, answers.getJsonObject(0).getInt("status"), batch.body());
        assertEquals("gamma", answers.getJsonObject(0).getJsonObject("body").getString("deviceName"), batch.body());
        assertEquals(200, answers.getJsonObject(1).getInt("status"), batch.body());
        assertEquals("alpha", answers.getJsonObject(1).getJsonObject("body").getString("deviceName"), batch.body());

        Answer refused = post(root, Routes.deviceStatuses(app), "{\"deviceColour\":\"red\"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.errorMessage().contains("'deviceColour'"), refused.body());

        Answer developmentIssuer = GraphClient.send(GraphClient.request(root.resolve("beta/" + APPS),
                Tokens.delegated(Tokens.READ_WRITE)).GET());
        assertEquals(401, developmentIssuer.status(), developmentIssuer.body());
        assertEquals("InvalidAuthenticationToken", developmentIssuer.errorCode());
        assertTrue(developmentIssuer.header("WWW-Authenticate").startsWith("Bearer"), developmentIssuer.body());

        Answer list = get(root, "beta/" + Routes.deviceStatuses(app)
                + "?$filter=installState%20ne%20'installed'&$orderby=deviceName%20desc&$top=5&$count=true");
        assertEquals(200, list.status(), list.body());
        assertEquals(1, list.json().getInt("@odata.count"), list.body());
        assertEquals(onUser, list.json().getJsonArray("value").getJsonObject(0).getString("id"), list.body());

        // Container-level answers stay Graph's, not the server's HTML pages.
        for (var path : List.of("beta/nowhere", "nowhere.txt")) {
            Answer answer = get(root, path);
            assertTrue(answer.header("Content-Type").startsWith("application/json"), path + ": " + answer.body());
            assertFalse(answer.errorCode().isEmpty(), answer.body());
        }
        assertTrue(plain(root, "health/ready").contains("\"UP\""));
        assertTrue(plain(root, "openapi").startsWith("openapi: 3"));
        String metrics = plain(root, "metrics");
        assertTrue(metrics.contains("graph_requests_seconds_count{"), metrics);
        // Payara 6 adds its pool's figures to /metrics; Payara 7 no longer does (docs/operating.md, "Supported servers").
        assertTrue(metrics.contains("connection_pool_Graph"), "the pool's figures: " + metrics);
        assertTrue(plain(root, "").contains("<!DOCTYPE html>"), "the overview");

        restart.run();
        for (String id : List.of(onApp, onUser)) {
            Answer kept = get(root, "beta/" + Routes.deviceStatus(app, id));
            assertEquals(200, kept.status(), kept.body());
        }
        assertEquals("beta", get(root, "beta/" + Routes.deviceStatus(app, onUser)).json().getString("deviceName"));
    }

    /** Until the API asks for a token: a domain serves its default web module's HTML 404 until the WAR is loaded. */
    static void awaitDeployed(URI root, Path log) {
        long deadline = System.nanoTime() + 240_000_000_000L;
        var probe = GraphClient.request(root.resolve("beta/" + APPS + "/probe"), null);
        while (System.nanoTime() < deadline) {
            try {
                if (GraphClient.send(probe.GET()).status() == 401) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // the port opens during the boot
            }
            sleep();
        }
        throw new AssertionError("the service did not answer; see " + log);
    }

    interface Body {
        void run(Map<String, String> env) throws Exception;
    }

    /** A fresh database of the run's kind: a new PostgreSQL database (dropped after), or a new H2 folder. */
    static void withDatabase(Path work, String name, Body body) throws Exception {
        Map<String, String> env = new HashMap<>();
        String postgresql = Databases.postgresqlRun() ? Databases.createPostgresql("graph_" + name) : null;
        try {
            if (postgresql != null) {
                env.put("PGDATABASE", postgresql);
            } else {
                env.put("GRAPH_DATA_DIR", work.resolve("data-" + System.nanoTime()).toString());
            }
            body.run(env);
        } finally {
            if (postgresql != null) {
                Databases.dropPostgresql(postgresql);
            }
        }
    }

    static Answer post(URI root, String path, String json) {
        return GraphClient.send(GraphClient.request(root.resolve("beta/" + path), TOKEN)
                .POST(BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    static Answer get(URI root, String path) {
        return GraphClient.send(GraphClient.request(root.resolve(path), TOKEN).GET());
    }

    /** A 200's body, asked for as a browser or a monitoring agent asks, without JSON in Accept. */
    static String plain(URI root, String path) {
        Answer answer = GraphClient.send(HttpRequest.newBuilder(root.resolve(path)).GET());
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.body();
    }

    static String created(Answer answer) {
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("id");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
