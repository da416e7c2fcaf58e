package org.graphstatus.database;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Group commit: writes that arrive while a commit is under way are made together in the next transaction, so
 * that N concurrent creates cost one commit instead of N (a create's cost is its commit: bench/README.md).
 *
 * <p>One caller at a time leads: it takes every write waiting (at most {@code graph.group-commit.max-size}),
 * makes them in one transaction and commits; the others wait for that commit. There is no window to wait for
 * company: a group is what arrived during the previous commit, so a lone request is never delayed and a busy
 * server groups by itself.
 *
 * <p>Invariants:
 * <ul>
 * <li>A caller returns only after the commit that holds its write: an answer still means stored (CrashIT).</li>
 * <li>One caller's failure is never another's: when anything in a group fails (a parent deleted meanwhile, a
 *     constraint, the database), the group is rolled back and each caller makes its write again, alone, in a
 *     transaction of its own, with the outcome it would have had without the group.</li>
 * <li>A caller already inside a transaction writes in it: its transaction's commit is its own.</li>
 * </ul>
 */
@ApplicationScoped
public class GroupCommit {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    InTransaction inTransaction;

    @Inject
    @ConfigProperty(name = "graph.group-commit.max-size", defaultValue = "64")
    int maxSize;

    @Inject
    Tracer tracer;

    /** Each commit's number of creates: its count is commits, its sum creates committed. */
    @Inject
    @Metric(name = "graph_group_commit_size", absolute = true,
            description = "Creates a commit stored: one per commit, alone or in a group")
    Histogram sizes;

    private final ReentrantLock leading = new ReentrantLock();
    private final ConcurrentLinkedQueue<Write<?>> waiting = new ConcurrentLinkedQueue<>();

    /**
     * Makes {@code write} (which must touch only the database) in a group's transaction or alone; its result.
     * A span, {@code group commit}, covers the wait and the commit, with the group's size and whether this
     * caller led it.
     */
    public <T> T write(Supplier<T> write) {
        Span span = tracer.spanBuilder("group commit").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return write(write, span);
        } finally {
            span.end();
        }
    }

    private <T> T write(Supplier<T> write, Span span) {
        if (maxSize <= 1 || transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return alone(write, span);
        }
        var mine = new Write<>(write);
        waiting.add(mine);
        while (!mine.done) {
            if (leading.tryLock()) {
                try {
                    while (!mine.done) {
                        commitGroup();
                    }
                } finally {
                    leading.unlock();
                    Write<?> next = waiting.peek(); // a waiter whose write did not fit in a group leads next
                    if (next != null) {
                        LockSupport.unpark(next.caller);
                    }
                }
            } else {
                // Woken when its group has committed, or to lead: each waiter alone, so that a commit does not
                // wake every waiting caller to contend for a monitor (a cost the profile showed under load).
                LockSupport.park(this);
                if (Thread.currentThread().isInterrupted() && !mine.done) {
                    throw new IllegalStateException("interrupted while its group committed");
                }
            }
        }
        if (!mine.committed) {
            return alone(write, span);
        }
        span.setAttribute("graph.group_commit.size", mine.groupSize);
        span.setAttribute("graph.group_commit.led", mine.ledBy == Thread.currentThread());
        return mine.result;
    }

    private <T> T alone(Supplier<T> write, Span span) {
        T result = inTransaction.call(write);
        sizes.update(1);
        span.setAttribute("graph.group_commit.size", 1);
        return result;
    }

    private void commitGroup() {
        List<Write<?>> group = new ArrayList<>();
        for (Write<?> next; group.size() < maxSize && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        boolean stored = false;
        try {
            inTransaction.call(() -> {
                group.forEach(Write::make);
                return null;
            });
            stored = true;
            sizes.update(group.size());
        } catch (RuntimeException failed) {
            // each write again, alone, by its own caller: there it fails or succeeds on its own
        } finally {
            for (Write<?> write : group) {
                write.groupSize = group.size();
                write.ledBy = Thread.currentThread();
                write.committed = stored;
                write.done = true; // last: a waiter reads the rest after it sees this
                LockSupport.unpark(write.caller);
            }
        }
    }

    /** One caller's write, made by whichever caller leads its group. */
    private static final class Write<T> {
        private final Supplier<T> write;
        private final Thread caller = Thread.currentThread();
        private T result;
        private boolean committed;
        private int groupSize;
        private Thread ledBy;
        private volatile boolean done;

        Write(Supplier<T> write) {
            this.write = write;
        }

        void make() {
            result = write.get();
        }
    }
}
