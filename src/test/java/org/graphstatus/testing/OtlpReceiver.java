package org.graphstatus.testing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An OTLP/HTTP receiver (protobuf), as a collector is one: it takes what a server exports to
 * {@code /v1/traces} and {@code /v1/metrics}, keeps the spans and metrics, and answers as OTLP says;
 * anything else ({@code /v1/logs}) is taken and dropped.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<Metric> metrics = new CopyOnWriteArrayList<>();

    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = new byte[0];
            if (exchange.getRequestURI().getPath().equals("/v1/traces")) {
                ExportTraceServiceRequest.parseFrom(body).getResourceSpansList().forEach(resource ->
                        resource.getScopeSpansList().forEach(scope -> spans.addAll(scope.getSpansList())));
                answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            } else if (exchange.getRequestURI().getPath().equals("/v1/metrics")) {
                ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList().forEach(resource ->
                        resource.getScopeMetricsList().forEach(scope -> metrics.addAll(scope.getMetricsList())));
                answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    /** The base the server's {@code OTEL_EXPORTER_OTLP_ENDPOINT} names. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans received so far. */
    public List<Span> spans() {
        return List.copyOf(spans);
    }

    /** Waits until a metric named {@code name} has been exported; its exports so far, oldest first. */
    public List<Metric> awaitMetric(String name, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            List<Metric> found = metrics.stream().filter(metric -> metric.getName().equals(name)).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no metric " + name + " in " + limit + "; all: "
                + metrics.stream().map(Metric::getName).distinct().toList());
    }

    /** Waits until the spans received include those {@code wanted} takes, at least {@code count} of them. */
    public List<Span> await(Predicate<Span> wanted, int count, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        List<Span> found = List.of();
        while (System.nanoTime() < end) {
            found = spans.stream().filter(wanted).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("received " + found.size() + " of " + count + " spans in " + limit + "; all: "
                + spans.stream().map(Span::getName).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
