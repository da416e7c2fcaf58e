package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How many collection reads run at once: the setting, or one per processor when it is not set. */
class QueryBulkheadTest {

    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final CountDownLatch finish = new CountDownLatch(1);

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
        var bulkhead = new QueryBulkhead();
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
