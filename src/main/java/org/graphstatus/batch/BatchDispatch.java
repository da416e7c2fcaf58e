package org.graphstatus.batch;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the requests of a batch, each in process through the application ({@link InProcessRequest}), and
 * gathers the answers. A request runs once every request it depends on has answered, and then only if they
 * all succeeded: otherwise it answers 424 without running. Requests that do not depend on each other run at
 * once, on threads of their own: concurrent creates are what {@code GroupCommit} commits together, so a
 * batch of 20 creates costs about one commit, not 20.
 */
@ApplicationScoped
public class BatchDispatch {

    /**
     * Threads running batch requests, over all batches; requests beyond wait their turn. The batch's own thread
     * never runs one: it has a request context of its own, which a request must not share.
     */
    static final int THREADS = 64;

    private static final Logger LOG = Logger.getLogger(BatchDispatch.class.getName());

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    InProcessRequest inProcess;

    @Inject
    Tracer tracer;

    private ThreadPoolExecutor threads;

    @PostConstruct
    void start() {
        threads = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
        threads.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }

    /** The answers of {@code parts}, in their order, once every one has answered. */
    List<JsonObject> run(List<Part> parts, Caller caller) {
        Context batch = Context.current(); // each request's span is a child of the batch's, on whichever thread
        Map<String, CompletableFuture<JsonObject>> answers = new HashMap<>();
        for (Part part : dependenciesFirst(parts)) {
            var dependencies = new LinkedHashMap<String, CompletableFuture<JsonObject>>();
            part.dependsOn().forEach(id -> dependencies.put(id, answers.get(id)));
            answers.put(part.id(), CompletableFuture.allOf(dependencies.values().toArray(CompletableFuture[]::new))
                    .thenApplyAsync(ignored -> traced(batch, part, dependencies, caller), threads));
        }
        return parts.stream().map(part -> answers.get(part.id()).join()).toList();
    }

    /**
     * {@link #answer} in a span of its own, a child of the batch's, with the request's id and status: named
     * {@code $batch request} until the request reaches its route, which names it as a request sent alone is.
     */
    private JsonObject traced(Context batch, Part part, Map<String, CompletableFuture<JsonObject>> dependencies,
            Caller caller) {
        Span span = tracer.spanBuilder("$batch request").setParent(batch).startSpan();
        // Only the span: what else the batch's context holds (the server's state of its request) is the batch's.
        try (Scope ignored = Context.root().with(span).makeCurrent()) {
            span.setAttribute("graph.batch.request_id", part.id());
            span.setAttribute("http.request.method", part.method());
            JsonObject answer = answer(part, dependencies, caller);
            span.setAttribute("http.response.status_code", answer.getInt("status"));
            return answer;
        } finally {
            span.end();
        }
    }

    private JsonObject answer(Part part, Map<String, CompletableFuture<JsonObject>> dependencies, Caller caller) {
        for (var dependency : dependencies.entrySet()) {
            int status = dependency.getValue().join().getInt("status");
            if (status < 200 || status >= 300) {
                return BatchResponses.failedDependency(part, dependency.getKey(), status, caller);
            }
        }
        try {
            return inProcess.answer(part, caller);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BatchResponses.unanswered(part, caller);
        } catch (RuntimeException e) { // the mappers answer whatever a route throws: this is a fault of the dispatch
            LOG.log(Level.SEVERE, "Batch request '" + part.id() + "' got no answer", e);
            return BatchResponses.unanswered(part, caller);
        }
    }

    /** The parts in an order where each comes after those it depends on (the envelope has no cycle). */
    private static List<Part> dependenciesFirst(List<Part> parts) {
        List<Part> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < parts.size()) {
            for (Part part : parts) {
                if (!placed.contains(part.id()) && placed.containsAll(part.dependsOn())) {
                    ordered.add(part);
                    placed.add(part.id());
                }
            }
        }
        return ordered;
    }
}
