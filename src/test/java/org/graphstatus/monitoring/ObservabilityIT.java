package org.graphstatus.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.KeyValue;
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
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.OtlpReceiver;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
    static GraphClient graph;

    @BeforeAll
    static void start() {
        receiver = new OtlpReceiver();
        server = PayaraProcess.start(Path.of("target", "observability", UUID.randomUUID().toString()), "ObservabilityIT",
                PayaraProcess.freePort(), Map.of(
                        "OTEL_SDK_DISABLED", "false",
                        "OTEL_SERVICE_NAME", "graph-install-status",
                        "OTEL_TRACES_EXPORTER", "otlp", // Payara 7 exports nothing without it
                        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_LOGS_EXPORTER", "none",
                        "OTEL_BSP_SCHEDULE_DELAY", "100",
                        "GRAPH_LOG_FORMAT", "json"));
        graph = server.graph();
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
        Span span = receiver.await(s -> HexFormat.of().formatHex(s.getTraceId().toByteArray()).equals(traceId)
                && s.getKind() == Span.SpanKind.SPAN_KIND_SERVER, 1, Duration.ofSeconds(30)).get(0);
        assertEquals(parentId, HexFormat.of().formatHex(span.getParentSpanId().toByteArray()));
        assertTrue(span.getName().contains("/deviceStatuses") && span.getName().startsWith("POST"), span.getName());
        assertFalse(span.getName().contains(app), "never the ids: " + span.getName());
        assertEquals(Optional.of(created.header("request-id")), attribute(span, "graph.request_id"));
        assertEquals(Optional.of("client-" + parentId), attribute(span, "graph.client_request_id"));
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
}
