package org.graphstatus.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Prometheus;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;

/**
 * The README's scrape config works: Debian's Prometheus scrapes the run's server's {@code /metrics} (no token, as
 * for an operator's Prometheus) and its query API answers the request histogram of the create route, with every
 * bucket of microprofile-config.properties, and the target is up. HealthAndMetricsIT reads the text itself; this
 * proves Prometheus's own parser takes it. H2 run only: no database changes what /metrics prints.
 */
class PrometheusIT extends DeployedService {

    static final String ROUTE = "/beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses";
    static final String CREATES = "{job=\"" + Prometheus.JOB + "\",route=\"" + ROUTE + "\",method=\"POST\",status=\"201\"}";
    static final int CREATE_COUNT = 3;

    /** graph_requests' buckets in microprofile-config.properties, in seconds, and the +Inf one of every histogram. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Double.POSITIVE_INFINITY};

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void prometheusScrapesTheRequestHistogramOfTheCreateRoute() {
        URI service = graph.rootUri("");
        Path folder = Path.of("target", "prometheus", UUID.randomUUID().toString()).toAbsolutePath();
        try (var prometheus = Prometheus.start(folder, PayaraProcess.freePort(), service.getHost() + ":" + service.getPort())) {
            long started = System.nanoTime();
            String devices = Routes.deviceStatuses(graph.newApp());
            for (int i = 0; i < CREATE_COUNT; i++) {
                assertEquals(201, graph.post(devices, "{}").status());
            }
            // The run's one server may have served other classes' creates: wait for at least what it prints now.
            double printed = printedCount();
            assertTrue(printed >= CREATE_COUNT, "/metrics counts the creates: " + printed);

            JsonArray count = await(prometheus, "sum(graph_requests_seconds_count" + CREATES + ")",
                    result -> !result.isEmpty() && value(result.getJsonObject(0)) >= printed);
            System.out.printf("PrometheusIT: Prometheus had the creates %d ms after its start%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertTrue(value(count.getJsonObject(0)) >= CREATE_COUNT, count.toString());

            JsonArray buckets = await(prometheus, "sum by (le) (graph_requests_seconds_bucket" + CREATES + ")",
                    result -> result.size() == BUCKETS.length);
            Map<Double, Double> byBound = new TreeMap<>();
            for (JsonObject bucket : buckets.getValuesAs(JsonObject.class)) {
                String le = bucket.getJsonObject("metric").getString("le");
                byBound.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), value(bucket));
            }
            assertEquals(Arrays.stream(BUCKETS).boxed().toList(), byBound.keySet().stream().toList(),
                    "the configured buckets and +Inf: " + buckets);
            assertTrue(byBound.get(Double.POSITIVE_INFINITY) >= printed, "+Inf counts every create: " + buckets);
            double previous = 0;
            for (double cumulative : byBound.values()) {
                assertTrue(cumulative >= previous, "cumulative buckets: " + buckets);
                previous = cumulative;
            }

            JsonArray up = prometheus.query("up{job=\"" + Prometheus.JOB + "\"}");
            assertEquals(1, up.size(), up.toString());
            assertEquals(1.0, value(up.getJsonObject(0)), "the target is up: " + up);
        }
    }

    /** The create route's count as the service prints it on /metrics. */
    private double printedCount() {
        String metrics = GraphClient.send(GraphClient.request(graph.rootUri("metrics"), null)
                .setHeader("Accept", "text/plain").GET()).body();
        return metrics.lines()
                .filter(line -> line.startsWith("graph_requests_seconds_count{") && line.contains("route=\"" + ROUTE + "\"")
                        && line.contains("method=\"POST\"") && line.contains("status=\"201\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Queries until the result is {@code enough}: the first scrape comes some seconds after Prometheus is ready. */
    private static JsonArray await(Prometheus prometheus, String promql, Predicate<JsonArray> enough) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonArray result = prometheus.query(promql);
        while (!enough.test(result)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(promql + " answered " + result + " after " + WAIT + "; see " + prometheus.log());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            result = prometheus.query(promql);
        }
        return result;
    }

    /** An instant vector element's value: {@code "value": [time, "number"]}. */
    private static double value(JsonObject element) {
        return Double.parseDouble(element.getJsonArray("value").getString(1));
    }
}
