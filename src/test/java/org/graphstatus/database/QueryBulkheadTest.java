package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Timer;
import org.graphstatus.odata.GraphException;
import org.graphstatus.testing.RecordingMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How many collection reads run at once: the setting, or one per processor when it is not set. */
class QueryBulkheadTest {

    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final CountDownLatch finish = new CountDownLatch(1);
    private final List<Number> refusals = new CopyOnWriteArrayList<>(); // what the refusals counter was given

    @AfterEach
    void stop() {
        finish.countDown();
        readers.shutdownNow();
    }

    @Test
    void withoutTheSettingOneReadPerProcessorRunsAtOnce() throws Exception {
        assertEquals(Runtime.getRuntime().availableProcessors(), readsAdmittedAtOnce(Optional.empty()));
    }

    @Test
    void theSettingOverridesTheDefaultAndBelowOneCountsAsOne() throws Exception {
        assertEquals(3, readsAdmittedAtOnce(Optional.of(3)));
        assertEquals(1, readsAdmittedAtOnce(Optional.of(0)));
    }

    /** Starts reads that hold their permit until the test ends, until one is refused with 503 and Retry-After. */
    private int readsAdmittedAtOnce(Optional<Integer> setting) throws Exception {
        refusals.clear();
        var bulkhead = new QueryBulkhead();
        bulkhead.tracer = OpenTelemetry.noop().getTracer("test");
        bulkhead.waits = RecordingMetrics.recording(Timer.class, new CopyOnWriteArrayList<>());
        bulkhead.refusals = RecordingMetrics.recording(Counter.class, refusals);
        bulkhead.concurrentCollections = setting;
        bulkhead.create();
        for (int running = 0; running < 64; running++) {
            var started = new CountDownLatch(1);
            var read = readers.submit(() -> bulkhead.admit(() -> {
                started.countDown();
                return await(finish);
            }));
            while (!started.await(10, TimeUnit.MILLISECONDS)) {
                if (read.isDone()) { // an admitted read runs until the test ends: this one was refused
                    Throwable refused = assertThrows(ExecutionException.class, read::get).getCause();
                    assertTrue(refused instanceof GraphException, refused.toString());
                    assertEquals(503, ((GraphException) refused).status());
                    assertEquals(QueryBulkhead.RETRY_AFTER_SECONDS, ((GraphException) refused).retryAfterSeconds());
                    assertEquals(List.of(1L), refusals, "the refusal is counted");
                    return running;
                }
            }
        }
        throw new AssertionError("64 reads ran at once");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
