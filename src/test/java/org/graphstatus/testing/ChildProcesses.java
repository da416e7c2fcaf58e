package org.graphstatus.testing;

import java.util.concurrent.TimeUnit;

/** What the servers a test starts beside the service (nginx, Prometheus) need alike: a pause, and a stop. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** A short wait between two looks at whether the process is up. */
    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the process to end, and ends it after 10 s if it has not. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
