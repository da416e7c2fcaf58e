package org.graphstatus.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus server scraping the service's {@code /metrics} as the README's scrape config says, from a
 * configuration file of the test's own and with its database in the test's folder, so that what an operator's
 * Prometheus would store is checked with the real parser rather than by reading the text. It scrapes every
 * second (the default minute would make a test wait a minute) and listens on a free port of 127.0.0.1 only.
 * {@code ./mvnw verify} installs it when it is missing (src/test/sh/debian-packages.sh).
 */
public final class Prometheus implements AutoCloseable {

    /** The job the service's series are stored under: their {@code job} label. */
    public static final String JOB = "graph";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI api;
    private final Path folder;

    private Prometheus(Process process, URI api, Path folder) {
        this.process = process;
        this.api = api;
        this.folder = folder;
    }

    /** Prometheus on 127.0.0.1:{port}, scraping {@code http://{target}/metrics} every second, ready to query. */
    public static Prometheus start(Path folder, int port, String target) {
        try {
            Files.createDirectories(folder);
            Path conf = folder.resolve("prometheus.yml");
            // The timeout must not exceed the interval, and its default (10 s) does.
            Files.writeString(conf, """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                    scrape_configs:
                      - job_name: %s
                        metrics_path: /metrics
                        static_configs:
                          - targets: ['%s']
                    """.formatted(JOB, target));
            Process process = new ProcessBuilder(List.of("/usr/bin/prometheus",
                    "--config.file=" + conf.toAbsolutePath(),
                    "--storage.tsdb.path=" + folder.resolve("data").toAbsolutePath(),
                    "--web.listen-address=127.0.0.1:" + port))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
            var prometheus = new Prometheus(process, URI.create("http://127.0.0.1:" + port + "/"), folder);
            prometheus.awaitReady();
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data.result} of an instant query of the HTTP API; failed queries fail the test. */
    public JsonArray query(String promql) {
        var request = HttpRequest.newBuilder(api.resolve("api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).GET();
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString());
            JsonObject answer;
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                answer = reader.readObject();
            }
            if (response.statusCode() != 200 || !"success".equals(answer.getString("status"))) {
                throw new AssertionError("query " + promql + " answered " + response.statusCode() + ": " + response.body());
            }
            return answer.getJsonObject("data").getJsonArray("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return folder.resolve("prometheus.log");
    }

    /** Until /-/ready answers 200: the storage is open and queries are answered (the first scrape comes later). */
    private void awaitReady() {
        var ready = HttpRequest.newBuilder(api.resolve("-/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus stopped; see " + log());
            }
            try {
                if (HTTP.send(ready, BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ChildProcesses.pause();
        }
        close();
        throw new AssertionError("prometheus was not ready on " + api + " within 30 s; see " + log());
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
