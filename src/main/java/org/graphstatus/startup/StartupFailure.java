package org.graphstatus.startup;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a start that cannot succeed with one log line that says why and how to fix it, and exit status 1.
 * Left to itself, Payara logs a wall of stack traces for a failed deployment and then keeps running with
 * nothing deployed, which a process supervisor or a load balancer takes for a healthy instance.
 *
 * <p>On a Payara Server domain the JVM is the domain's, shared with its other applications and its admin
 * service: there the deployment fails instead, and {@code asadmin deploy} answers with the same line.
 */
public final class StartupFailure {

    private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

    private StartupFailure() {
    }

    /** Logs {@code Cannot start: reason} and stops the JVM; the calling thread never returns. */
    public static RuntimeException cannotStart(String reason) {
        if (!onPayaraMicro()) {
            return new Refused("Cannot start: " + reason);
        }
        LOG.log(Level.SEVERE, "Cannot start: {0}", reason);
        // From another thread: the deploying thread holds locks that Payara's shutdown hook waits for.
        var exit = new Thread(() -> System.exit(1), "startup-failure-exit");
        exit.start();
        var halt = new Thread(() -> {
            sleep(10); // should the shutdown hooks hang on the failed deployment
            Runtime.getRuntime().halt(1);
        }, "startup-failure-halt");
        halt.setDaemon(true);
        halt.start();
        sleep(60); // keeps the deployment from going on to log the failure a second time
        return new IllegalStateException("Cannot start: " + reason);
    }

    /**
     * The message of the innermost cause of the given kind, else of the innermost cause: the pool wraps the
     * driver's words ("Connection to localhost:1 refused") in its own, and the socket's are too terse.
     */
    public static String message(Throwable failure, Class<? extends Throwable> kind) {
        Throwable chosen = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.isInstance(cause) && cause.getMessage() != null) {
                chosen = cause;
            }
        }
        return chosen.getMessage() == null ? chosen.toString() : chosen.getMessage();
    }

    /** Payara Micro names its boot jar; a Payara Server domain does not. */
    static boolean onPayaraMicro() {
        return System.getProperty("fish.payara.micro.BootJar") != null;
    }

    /** The reason alone: its stack trace would only show our own frames, above the server's. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static void sleep(long seconds) {
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
