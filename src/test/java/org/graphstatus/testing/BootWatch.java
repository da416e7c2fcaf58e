package org.graphstatus.testing;

import java.util.function.LongConsumer;

/**
 * Hands a booting server's process id to a consumer every 20 ms on a thread of its own, then once more when closed
 * (after the first answer): for what a server does only while it boots, such as a port open for a few seconds.
 * A failure of the consumer is thrown by {@link #close()}.
 */
final class BootWatch implements AutoCloseable {

    private static final long EVERY_MILLIS = 20;

    private final long pid;
    private final LongConsumer consumer;
    private final Thread thread;
    private volatile boolean booting = true;
    private volatile RuntimeException failure;

    BootWatch(long pid, LongConsumer consumer) {
        this.pid = pid;
        this.consumer = consumer;
        this.thread = new Thread(this::watch, "boot-watch-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (booting) {
                consumer.accept(pid);
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        booting = false;
        thread.join();
        if (failure != null) {
            throw failure;
        }
        consumer.accept(pid);
    }
}
