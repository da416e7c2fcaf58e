package org.graphstatus.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.OtlpReceiver;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service as an operator observes it, with telemetry on and JSON logs: its spans reach a real OTLP
 * receiver in the client's trace, and each request's log line, in Payara's JSON format, carries the ids that
 * tie the three together.
 */
class ObservabilityIT {

    static final SecureRandom RANDOM = new SecureRandom();

    static OtlpReceiver receiver;
    static PayaraProcess server;
    static final int WRITES_PER_TENANT = 6;

    GraphClient graph;
    String tenant;

    @BeforeAll
    static void start() {
        receiver = new OtlpReceiver();
        server = PayaraProcess.start(Path.of("target", "observability", UUID.randomUUID().toString()), "ObservabilityIT",
                PayaraProcess.freePort(), Map.ofEntries(
                        Map.entry("OTEL_SDK_DISABLED", "false"),
                        Map.entry("OTEL_SERVICE_NAME", "graph-install-status"),
                        Map.entry("OTEL_TRACES_EXPORTER", "otlp"), // Payara 7 exports nothing without it
                        Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()),
                        Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                        Map.entry("OTEL_METRICS_EXPORTER", "otlp"),
                        Map.entry("OTEL_METRIC_EXPORT_INTERVAL", "1000"),
                        Map.entry("OTEL_LOGS_EXPORTER", "none"),
                        Map.entry("OTEL_BSP_SCHEDULE_DELAY", "100"),
                        Map.entry("GRAPH_LOG_FORMAT", "json"),
                        Map.entry("GRAPH_TELEMETRY_TENANT", "true"),
                        Map.entry("GRAPH_THROTTLING", "intune"),
                        Map.entry("GRAPH_THROTTLING_WRITES_PER_TENANT", String.valueOf(WRITES_PER_TENANT))));
    }

    /** A client of a tenant of its own, so that the tests do not spend each other's writes. */
    @BeforeEach
    void newTenant() {
        tenant = UUID.randomUUID().toString();
        graph = server.graph().as(Tokens.sign(Tokens.claims(claims -> claims.claim("scp", Tokens.READ_WRITE)
                .claim("tid", tenant)), Tokens.developmentKey()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    static String hex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private Answer create(String path, String traceId, String parentId) {
        return graph.call(graph.request(graph.uri(path)).header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + parentId + "-01")
                .header("client-request-id", "client-" + parentId)
                .POST(BodyPublishers.ofString("{\"deviceName\": \"LAPTOP-7\"}")));
    }

    /** A create continues the client's trace as a server span named by its route, with the request's Graph ids. */
    @Test
    void aCreateIsAServerSpanOfTheClientsTraceNamedByItsRoute() throws Exception {
        String app = graph.newApp();
        String traceId = hex(16);
        String parentId = hex(8);

        Answer created = create(Routes.deviceStatuses(app), traceId, parentId);

        assertEquals(201, created.status(), created.body());
        Span span = receiver.await(s -> traceOf(s).equals(traceId)
                && s.getKind() == Span.SpanKind.SPAN_KIND_SERVER, 1, Duration.ofSeconds(30)).get(0);
        assertEquals(parentId, HexFormat.of().formatHex(span.getParentSpanId().toByteArray()));
        assertEquals("POST /beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses", span.getName());
        assertFalse(span.getName().contains(app), "never the ids: " + span.getName());
        assertEquals(Optional.of(created.header("request-id")), attribute(span, "graph.request_id"));
        assertEquals(Optional.of("client-" + parentId), attribute(span, "graph.client_request_id"));
        assertEquals(Optional.of(tenant), attribute(span, "graph.tenant_id"), "GRAPH_TELEMETRY_TENANT=true");

        // where the time went, each a descendant of the server span
        receiver.await(s -> traceOf(s).equals(traceId) && s.getName().equals("database"), 1, Duration.ofSeconds(30));
        receiver.await(s -> traceOf(s).equals(traceId) && s.getName().equals("group commit"), 1, Duration.ofSeconds(30));
        List<Span> trace = receiver.spans().stream().filter(s -> traceOf(s).equals(traceId)).toList();
        Span groupCommit = named(trace, "group commit");
        assertTrue(descends(groupCommit, span, trace), "group commit under the server span");
        assertTrue(attribute(groupCommit, "graph.group_commit.size", KeyValue::getValue).getIntValue() >= 1, groupCommit.toString());
        assertTrue(trace.stream().anyMatch(s -> s.getName().equals("database") && descends(s, groupCommit, trace)),
                "the statements and commit under the group commit: " + trace.stream().map(Span::getName).toList());
        assertTrue(descends(named(trace, "body parse"), span, trace), "body parse under the server span");
        Span token = named(trace, "token verification");
        assertTrue(token.getAttributesList().stream().anyMatch(a -> a.getKey().equals("graph.token.cached")), token.toString());
    }

    /**
     * With telemetry on, metrics go over OTLP too: the server's own request histogram
     * ({@code http.server.request.duration}, MicroProfile Telemetry 2) by the service's route templates, and the
     * service's {@code graph_*} metrics under their {@code /metrics} names.
     */
    @Test
    void metricsAreExportedOverOtlp() throws Exception {
        String app = graph.newApp();
        assertEquals(201, create(Routes.deviceStatuses(app), hex(16), hex(8)).status());

        String route = "/beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses";
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> routes = List.of();
        while (!routes.contains(route) && System.nanoTime() < end) {
            Thread.sleep(200);
            routes = receiver.awaitMetric("http.server.request.duration", Duration.ofSeconds(30)).stream()
                    .flatMap(metric -> metric.getHistogram().getDataPointsList().stream())
                    .flatMap(point -> point.getAttributesList().stream())
                    .filter(attribute -> attribute.getKey().equals("http.route"))
                    .map(attribute -> attribute.getValue().getStringValue()).distinct().toList();
        }
        assertTrue(routes.contains(route), "http.server.request.duration by route: " + routes);

        List<Metric> commits = receiver.awaitMetric("graph_group_commit_size_count", Duration.ofSeconds(30));
        assertTrue(commits.get(commits.size() - 1).getSum().getDataPoints(0).getAsInt() >= 1, commits.toString());
        assertTrue(commits.get(0).getSum().getIsMonotonic(), "a counter");
    }

    /** A $batch of three creates: one span per request, named by its route, each a child of the batch's server span. */
    @Test
    void eachRequestOfABatchIsAChildSpanOfTheBatch() throws Exception {
        String app = graph.newApp();
        String traceId = hex(16);
        String route = "/deviceAppManagement/mobileApps/" + app + "/deviceStatuses";
        String body = "{\"requests\": [" + String.join(",", List.of("1", "2", "3").stream().map(id ->
                "{\"id\": \"" + id + "\", \"method\": \"POST\", \"url\": \"" + route + "\", "
                        + "\"headers\": {\"Content-Type\": \"application/json\"}, \"body\": {\"deviceName\": \"D-" + id + "\"}}")
                .toList()) + "]}";

        Answer batch = graph.call(graph.request(graph.uri("$batch")).header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01").POST(BodyPublishers.ofString(body)));

        assertEquals(200, batch.status(), batch.body());
        List<Span> parts = receiver.await(s -> traceOf(s).equals(traceId)
                && s.getAttributesList().stream().anyMatch(a -> a.getKey().equals("graph.batch.request_id")), 3, Duration.ofSeconds(30));
        Span server = receiver.await(s -> traceOf(s).equals(traceId) && s.getKind() == Span.SpanKind.SPAN_KIND_SERVER
                && s.getSpanId().equals(parts.get(0).getParentSpanId()), 1, Duration.ofSeconds(30)).get(0);
        assertEquals("POST /beta/$batch", server.getName());
        List<Span> trace = receiver.spans().stream().filter(s -> traceOf(s).equals(traceId)).toList();
        assertEquals(List.of("1", "2", "3"), parts.stream().map(p -> attribute(p, "graph.batch.request_id").orElseThrow())
                .sorted().toList());
        for (Span part : parts) {
            assertEquals(server.getSpanId(), part.getParentSpanId(), "a child of the batch: " + part);
            assertEquals("POST /beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses", part.getName());
            assertEquals(201L, attribute(part, "http.response.status_code", KeyValue::getValue).getIntValue());
            assertTrue(trace.stream().anyMatch(s -> s.getName().equals("group commit") && descends(s, part, trace)),
                    "its create's group commit under it");
        }
    }

    /** An export job's file is made after the create answered, in a span of the create's trace. */
    @Test
    void anExportIsASpanInTheTraceOfItsCreate() throws Exception {
        String traceId = hex(16);
        Answer created = graph.call(graph.request(graph.uri("deviceManagement/reports/exportJobs"))
                .header("Content-Type", "application/json").header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .POST(BodyPublishers.ofString("{\"reportName\": \"AppInstallStatusAggregate\"}")));

        assertEquals(201, created.status(), created.body());
        Span export = receiver.await(s -> traceOf(s).equals(traceId) && s.getName().equals("report export"), 1,
                Duration.ofSeconds(30)).get(0);
        assertEquals(Optional.of("AppInstallStatusAggregate"), attribute(export, "graph.report.name"));
        assertTrue(attribute(export, "graph.report.bytes", KeyValue::getValue).getIntValue() > 0, export.toString());
    }

    /** A throttled write's span says why: Graph's error code, on the route it was sent to. */
    @Test
    void aThrottledRequestsSpanCarriesGraphsErrorCode() throws Exception {
        String app = graph.newApp();
        String traceId = hex(16);
        Answer answer = null;
        // The budget is per 20 s window, and the writes may straddle two: twice it and one more meet a 429.
        for (int i = 0; i <= 2 * WRITES_PER_TENANT && (answer == null || answer.status() != 429); i++) {
            answer = create(Routes.deviceStatuses(app), traceId, hex(8));
        }
        assertEquals(429, answer.status(), answer.body());

        String requestId = answer.header("request-id");
        Span span = receiver.await(s -> traceOf(s).equals(traceId) && s.getKind() == Span.SpanKind.SPAN_KIND_SERVER
                && attribute(s, "graph.request_id").equals(Optional.of(requestId)), 1, Duration.ofSeconds(30)).get(0);
        assertEquals(Optional.of("TooManyRequests"), attribute(span, "graph.error.code"));
        assertEquals("POST /beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses", span.getName());
    }

    private static String traceOf(Span span) {
        return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    private static Span named(List<Span> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span '" + name + "' among " + spans.stream().map(Span::getName).toList()));
    }

    /** Whether {@code span}'s parents, among {@code trace}, lead to {@code ancestor}. */
    private static boolean descends(Span span, Span ancestor, List<Span> trace) {
        for (Span at = span; at != null; ) {
            if (at.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
            var parent = at.getParentSpanId();
            at = trace.stream().filter(s -> s.getSpanId().equals(parent)).findFirst().orElse(null);
        }
        return false;
    }

    /** The request's one log line, JSON: its route template, status, ids and the trace it belongs to. */
    @Test
    void aRequestsJsonLogLineCarriesItsIdsAndItsTrace() throws Exception {
        String app = graph.newApp();
        String traceId = hex(16);
        String parentId = hex(8);

        Answer created = create(Routes.deviceStatuses(app), traceId, parentId);

        String requestId = created.header("request-id");
        JsonObject line = logLine(requestId);
        assertEquals("org.graphstatus.requests", line.getString("LoggerName"));
        assertEquals("INFO", line.getString("Level"));
        assertEquals("POST", line.getString("method"));
        assertEquals("/beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses", line.getString("route"));
        assertEquals(traceId, line.getString("traceId"), "the client's trace");
        assertEquals("201", line.get("status") instanceof jakarta.json.JsonString text ? text.getString() : line.get("status").toString());
        assertEquals("client-" + parentId, line.getString("clientRequestId"));
        assertEquals(traceId, line.getString("traceId"));
        assertTrue(line.getString("LogMessage").contains("request-id=" + requestId), line.getString("LogMessage"));
        assertFalse(line.toString().contains(app), "never the ids of the path: " + line);
        assertFalse(line.toString().contains("Bearer") || line.toString().contains("LAPTOP-7"), "no token, no body: " + line);
    }

    /** The JSON object of the log line that names the request-id, once the server has written it. */
    private static JsonObject logLine(String requestId) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            List<String> lines = Files.readAllLines(server.log());
            Optional<String> found = lines.stream()
                    .filter(l -> l.startsWith("{") && l.contains("\"requestId\":\"" + requestId + "\"")).findFirst();
            if (found.isPresent()) {
                try (var reader = Json.createReader(new StringReader(found.get()))) {
                    return reader.readObject();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no JSON log line for request-id " + requestId + " in " + server.log());
    }

    private static Optional<String> attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst()
                .map(KeyValue::getValue).map(value -> value.getStringValue());
    }

    private static <T> T attribute(Span span, String key, Function<KeyValue, T> value) {
        return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst().map(value)
                .orElseThrow(() -> new AssertionError("no attribute " + key + " on " + span));
    }
}
