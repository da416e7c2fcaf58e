package org.graphstatus.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graphstatus.batch.BatchEnvelope.Part;

/**
 * Sends each request of a batch to this same server over loopback HTTP, so that it passes everything a
 * request sent alone passes (token check, permissions, request ids, mappers, headers), and gathers the
 * answers. Requests whose dependencies have answered run, at most {@link #PARALLEL} at a time per batch; a
 * request whose dependency did not succeed is answered 424 without being sent. Nothing here blocks a thread:
 * the answers arrive as the HTTP client completes them, and the last one completes the batch.
 */
@ApplicationScoped
public class BatchDispatch {

    /** Requests of one batch in flight at once: enough to overlap their round trips, not to crowd the server. */
    static final int PARALLEL = 4;

    /** How long one request may take before its slot answers 503. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(BatchDispatch.class.getName());

    @Resource
    ManagedExecutorService executor;

    private HttpClient http;

    /**
     * Where a batch sends its requests and with what: {@code loopback}, this server's own listener as the
     * batch reached it ({@code .../beta/}); {@code publicBase}, the batch's base URI, which answers name
     * instead; the batch's {@code Authorization} and {@code client-request-id} (either may be null).
     */
    record Target(URI loopback, String publicBase, String authorization, String clientRequestId) {
    }

    @PostConstruct
    void start() {
        // HTTP/1.1: no h2c upgrade attempt on every new connection; connections are kept and reused.
        // Over https only when the batch came in on the server's own HTTPS listener (OwnListener).
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .sslContext(OwnListener.tls()).build();
    }

    /** The answers of {@code parts}, in their order, once every one has answered. */
    CompletableFuture<List<JsonObject>> run(List<Part> parts, Target target) {
        var run = new Run(parts, target);
        run.pump();
        return run.done;
    }

    /** One batch's progress. Every change is under its lock; sending happens outside it. */
    private final class Run {

        final List<Part> parts;
        final Target target;
        final Map<String, JsonObject> answers = new HashMap<>();
        final Set<String> started = new HashSet<>();
        final CompletableFuture<List<JsonObject>> done = new CompletableFuture<>();
        int inFlight;

        Run(List<Part> parts, Target target) {
            this.parts = parts;
            this.target = target;
        }

        /** Answers what failed dependencies settle, sends what may go, and completes when all have answered. */
        void pump() {
            List<Part> toSend = new ArrayList<>();
            List<JsonObject> all = null;
            synchronized (this) {
                boolean settled = true;
                while (settled) { // a 424 may settle a request that depends on it
                    settled = false;
                    for (Part part : parts) {
                        if (started.contains(part.id()) || !part.dependsOn().stream().allMatch(answers::containsKey)) {
                            continue;
                        }
                        String failed = part.dependsOn().stream()
                                .filter(id -> !succeeded(answers.get(id))).findFirst().orElse(null);
                        if (failed != null) {
                            started.add(part.id());
                            answers.put(part.id(), BatchEnvelope.failedDependency(part, failed,
                                    answers.get(failed).getInt("status"), target.clientRequestId()));
                            settled = true;
                        } else if (inFlight < PARALLEL) {
                            started.add(part.id());
                            inFlight++;
                            toSend.add(part);
                        }
                    }
                }
                if (answers.size() == parts.size()) {
                    all = parts.stream().map(part -> answers.get(part.id())).toList();
                }
            }
            if (all != null) {
                done.complete(all);
            }
            toSend.forEach(this::send);
        }

        /**
         * One request, as its own HTTP request to this server. Throttling, when there is any, counts it there
         * like any other request; its 429 and {@code Retry-After} come back in its slot as they are.
         */
        void send(Part part) {
            CompletableFuture<JsonObject> answer;
            try {
                answer = http.sendAsync(request(part), BodyHandlers.ofByteArray())
                        .thenApply(response -> BatchEnvelope.answer(part.id(), response.statusCode(),
                                response.headers().map(), response.body(), target.loopback().toString(), target.publicBase()));
            } catch (IllegalArgumentException e) { // a header the HTTP client will not send
                answer = CompletableFuture.completedFuture(BatchEnvelope.refused(part,
                        "The request cannot be sent as written: " + e.getMessage(), target.clientRequestId()));
            }
            answer.whenComplete((json, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, "Batch request '" + part.id() + "' got no answer from " + target.loopback(), failure);
                    json = BatchEnvelope.unreachable(part, target.clientRequestId());
                }
                synchronized (this) {
                    answers.put(part.id(), json);
                    inFlight--;
                }
                pump();
            });
        }

        HttpRequest request(Part part) {
            var request = HttpRequest.newBuilder(URI.create(target.loopback() + part.url())).timeout(TIMEOUT);
            part.forwarded().forEach(request::header);
            if (target.authorization() != null) {
                request.header("Authorization", target.authorization());
            }
            if (part.header("client-request-id") == null && target.clientRequestId() != null) {
                request.header("client-request-id", target.clientRequestId());
            }
            byte[] body = part.bodyBytes();
            return request.method(part.method(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body))
                    .build();
        }
    }

    private static boolean succeeded(JsonObject answer) {
        int status = answer.getInt("status");
        return status >= 200 && status < 300;
    }
}
