package org.graphstatus.testing;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Payara Micro started the way the README starts it ({@code java -jar payara-micro.jar --deploy ...} with the
 * run's server-config file), for the tests that stop, kill or double the server, which Arquillian cannot.
 */
public final class PayaraProcess implements AutoCloseable {

    /**
     * What the build adds to the servers' JVM flags in the tests (failsafe's graph.testJvmOptions): C1 alone,
     * which boots a server faster on two cores than C2 compiling beside the tests does; a test asserts
     * behaviour, never speed. The benches set nothing here: they measure the server as it is run.
     */
    private static final List<String> TEST_JVM_OPTIONS = List.of(System.getProperty("graph.testJvmOptions", "").split("\\s+"))
            .stream().filter(option -> !option.isBlank()).toList();


    private static final Duration BOOT_LIMIT = Duration.ofMinutes(4);

    /** The default server runs on the tests' own JDK, the one the build chose for Payara Micro 7 (pom.xml). */
    private static final Path DEFAULT_JAVA = Path.of(System.getProperty("java.home"));

    /** What Payara logs when its HTTP port is taken. */
    private static final String PORT_TAKEN = "Cannot bind to requested socket address";

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A free port, for a server that must come back on the same one. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server in {@code workDir} and waits until the API answers; {@code env} adds variables. */
    public static PayaraProcess start(Path workDir, String name, int port, Map<String, String> env) {
        return start(DEFAULT_JAVA, defaultMicroJar(), workDir, name, port, env, List.of(), List.of(), pid -> { });
    }

    /**
     * The same with {@code javaOptions} before {@code -jar} and {@code microOptions} after the usual ones, e.g.
     * the key store and {@code --sslport} of the server's own HTTPS listener.
     */
    public static PayaraProcess start(Path workDir, String name, int port, Map<String, String> env,
            List<String> javaOptions, List<String> microOptions) {
        return start(DEFAULT_JAVA, defaultMicroJar(), workDir, name, port, env, javaOptions, microOptions, pid -> { });
    }

    /**
     * The same, handing the process id to {@code whileBooting} every few milliseconds from the launch until after
     * the first answer, on a thread of its own: what the server does only while it boots is seen too.
     */
    public static PayaraProcess start(Path workDir, String name, int port, Map<String, String> env,
            LongConsumer whileBooting) {
        return start(DEFAULT_JAVA, defaultMicroJar(), workDir, name, port, env, List.of(), List.of(), whileBooting);
    }

    /**
     * The same on another Payara Micro release run by the JDK at {@code javaHome}, e.g. Payara 6 on Java 17
     * (PayaraServerIT).
     */
    public static PayaraProcess start(Path javaHome, Path microJar, Path workDir, String name, int port,
            Map<String, String> env) {
        return start(javaHome, microJar, workDir, name, port, env, List.of(), List.of(), pid -> { });
    }

    private static PayaraProcess start(Path javaHome, Path microJar, Path workDir, String name, int port,
            Map<String, String> env, List<String> javaOptions, List<String> microOptions, LongConsumer whileBooting) {
        try {
            Path log = workDir.resolve(name + ".log");
            long started = System.nanoTime();
            Process process = launch(javaHome, microJar, workDir, log, port, env, javaOptions, microOptions);
            try (var watch = new BootWatch(process.pid(), whileBooting)) {
                awaitFirstAnswer(process, name, port, log, started);
            } catch (RuntimeException | Error e) { // no answer, or the watcher failed: no server left behind
                process.destroyForcibly();
                throw e;
            }
            return new PayaraProcess(process, port, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitFirstAnswer(Process process, String name, int port, Path log, long started)
            throws InterruptedException {
        var probe = GraphClient.request(URI.create("http://localhost:" + port + "/beta/" + APPS + "/probe"), null);
        while (System.nanoTime() - started < BOOT_LIMIT.toNanos()) {
            assertTrue(process.isAlive(), "the server stopped; see " + log);
            try {
                if (GraphClient.send(probe.GET()).status() == 401) { // deployed, and asking for a token
                    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    System.out.printf("%s: boot to first answer %d ms%n", name, millis);
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // the port opens late in the boot
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no answer within " + BOOT_LIMIT + "; see " + log);
    }

    /** How a start that should fail ended: the exit status and everything the server logged. */
    public record Exit(int code, String log) {
    }

    /**
     * Starts the server and waits for it to stop by itself, for starts that must fail. A start that stopped
     * because its port was taken between freePort and the bind (by another start, or a client's connection
     * given the port as its own) is tried again on another: that is not the failure a test looks for.
     */
    public static Exit runUntilItStops(Path workDir, String name, Map<String, String> env) {
        Path log = workDir.resolve(name + ".log");
        try {
            for (int attempt = 1; ; attempt++) {
                Process process = launch(DEFAULT_JAVA, defaultMicroJar(), workDir, log, freePort(), env, List.of(), List.of());
                if (!process.waitFor(BOOT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("the server did not stop by itself within " + BOOT_LIMIT + "; see " + log);
                }
                String logged = Files.readString(log);
                if (attempt == 3 || !logged.contains(PORT_TAKEN)) {
                    return new Exit(process.exitValue(), logged);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process launch(Path javaHome, Path microJar, Path workDir, Path log, int port,
            Map<String, String> env, List<String> javaOptions, List<String> microOptions) {
        try {
            Files.createDirectories(workDir);
            var command = new ArrayList<String>();
            command.add(javaHome.resolve("bin").resolve("java").toString());
            command.add("@" + Path.of("server-config", "jvm.options").toAbsolutePath());
            command.addAll(TEST_JVM_OPTIONS);
            command.addAll(javaOptions);
            command.addAll(List.of("-jar", microJar.toAbsolutePath().toString(),
                    "--deploy", new File(System.getProperty("graph.war")).getAbsolutePath(),
                    "--postbootcommandfile", System.getProperty("graph.postboot"),
                    "--addlibs", System.getProperty("graph.addlibs"),
                    "--port", String.valueOf(port), "--nohazelcast"));
            command.addAll(microOptions);
            var builder = new ProcessBuilder(command)
                    .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("GRAPH_DATA_DIR"); // the default data folder, ./data, unless env says
            builder.environment().put("GRAPH_DEVELOPMENT", "true"); // tokens from testing/Tokens, unless env says
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path defaultMicroJar() {
        return Path.of(System.getProperty("payara.microJar"));
    }

    /** The server's process id, to see what it listens on. */
    public long pid() {
        return process.pid();
    }

    public GraphClient graph() {
        try {
            return new GraphClient(new URL("http://localhost:" + port + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server has logged so far, in a file. */
    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no flush, as a power cut or the OOM killer would end it. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: Payara's shutdown hook undeploys and closes the database. */
    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
