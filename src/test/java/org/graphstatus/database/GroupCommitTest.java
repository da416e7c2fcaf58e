package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Histogram;
import org.graphstatus.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;

/**
 * The group commit's hand-over between threads, with transactions that keep their writes in memory: every
 * write is made once and committed once, callers return their own results, and a write that fails a group
 * fails alone while the group's others are committed.
 */
class GroupCommitTest {

    /** Transactions in memory: a transaction's writes become visible when it returns, none when it throws. */
    static final class MemoryTransactions extends InTransaction {
        final Set<String> committed = ConcurrentHashMap.newKeySet();
        final AtomicInteger transactions = new AtomicInteger();
        final ThreadLocal<List<String>> open = new ThreadLocal<>();
        final List<Number> sizes = new CopyOnWriteArrayList<>(); // what the group size histogram was given

        @Override
        public <T> T call(Supplier<T> work) {
            transactions.incrementAndGet();
            open.set(new ArrayList<>());
            try {
                T result = work.get();
                open.get().forEach(write -> assertTrue(committed.add(write), "committed twice: " + write));
                return result;
            } finally {
                open.remove();
            }
        }

        String write(String key) {
            sleepABit(); // a write takes time, as a database's does, so that others arrive meanwhile
            open.get().add(key);
            return key;
        }
    }

    private static GroupCommit groupCommit(MemoryTransactions memory, int maxSize) {
        var groupCommit = new GroupCommit();
        groupCommit.tracer = OpenTelemetry.noop().getTracer("test");
        groupCommit.sizes = RecordingMetrics.recording(Histogram.class, memory.sizes);
        groupCommit.inTransaction = memory;
        groupCommit.transactions = new NoTransaction();
        groupCommit.maxSize = maxSize;
        return groupCommit;
    }

    @Test
    void concurrentWritesShareCommitsAndEachCallerGetsItsOwnResult() throws Exception {
        var memory = new MemoryTransactions();
        GroupCommit groupCommit = groupCommit(memory, 8);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                String key = "write-" + i;
                results.add(callers.submit(() -> groupCommit.write(() -> memory.write(key))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals("write-" + i, results.get(i).get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(800, memory.committed.size());
        assertEquals(memory.transactions.get(), memory.sizes.size(), "one size a commit");
        assertEquals(800, memory.sizes.stream().mapToInt(Number::intValue).sum(), "the sizes add up to the writes");
        assertTrue(memory.transactions.get() < 400, "grouped: " + memory.transactions.get() + " transactions for 800 writes");
        assertTrue(memory.transactions.get() >= 100, "at most 8 a group: " + memory.transactions.get());
    }

    @Test
    void aWriteThatFailsItsGroupFailsAloneAndTheOthersAreCommitted() throws Exception {
        var memory = new MemoryTransactions();
        GroupCommit groupCommit = groupCommit(memory, 64);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String key = "write-" + i;
                boolean fails = i % 50 == 7;
                results.add(callers.submit(() -> groupCommit.write(() -> {
                    if (fails) {
                        throw new IllegalStateException("refused: " + key);
                    }
                    return memory.write(key);
                })));
            }
            for (int i = 0; i < results.size(); i++) {
                if (i % 50 == 7) {
                    int failing = i;
                    var failure = assertThrows(Exception.class, () -> results.get(failing).get());
                    assertEquals("refused: write-" + i, failure.getCause().getMessage());
                } else {
                    assertEquals("write-" + i, results.get(i).get());
                }
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(400 - 8, memory.committed.size());
    }

    @Test
    void aMaximumOfOneWritesEachAloneInItsOwnTransaction() {
        var memory = new MemoryTransactions();
        GroupCommit alone = groupCommit(memory, 1);
        assertEquals("a", alone.write(() -> memory.write("a")));
        assertEquals(1, memory.transactions.get());
    }

    private static void sleepABit() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A thread outside any transaction, as a JAX-RS request thread is. */
    static final class NoTransaction implements TransactionSynchronizationRegistry {
        @Override
        public Object getTransactionKey() {
            return null;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
