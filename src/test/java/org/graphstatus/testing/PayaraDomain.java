package org.graphstatus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Payara Server domain driven the way "On Payara Server" in docs/operating.md drives it: {@code asadmin create-domain}
 * (on free ports), {@code start-domain}, {@code server-config/domain.sh}, {@code deploy}, {@code restart-domain}.
 * {@link #close()} stops it whatever happened before, and kills its JVM should {@code stop-domain} not.
 */
public final class PayaraDomain implements AutoCloseable {

    private static final String NAME = "graph";

    private final Path home;
    private final Path domains;
    private final Map<String, String> env;
    private final int portBase;

    private PayaraDomain(Path home, Path domains, Map<String, String> env, int portBase) {
        this.home = home;
        this.domains = domains;
        this.env = env;
        this.portBase = portBase;
    }

    /**
     * A new domain under {@code domains} of the server unpacked at {@code home}, started; {@code env} is the
     * environment of asadmin, of the domain script and so of the domain.
     */
    public static PayaraDomain create(Path home, Path domains, Map<String, String> env) {
        deleteFolder(domains);
        for (int attempt = 1; ; attempt++) {
            // Every port of a domain is base + a fixed offset (admin 48, HTTP 80, ...); create-domain refuses
            // a base whose ports are taken, so another is tried. Below the kernel's ephemeral ports (32768).
            int base = 100 * ThreadLocalRandom.current().nextInt(100, 320);
            var domain = new PayaraDomain(home, domains, env, base);
            Run created = domain.run(List.of("create-domain", "--nopassword", "--portbase", String.valueOf(base),
                    "--domaindir", domains.toString(), NAME));
            if (created.code() == 0) {
                domain.asadmin("start-domain", "--domaindir", domains.toString(), NAME);
                return domain;
            }
            deleteFolder(domains);
            if (attempt == 5) {
                throw new AssertionError("create-domain failed 5 times; the last time:\n" + created.output());
            }
        }
    }

    public int httpPort() {
        return portBase + 80;
    }

    public Path log() {
        return domains.resolve(NAME).resolve("logs").resolve("server.log");
    }

    /** Runs {@code server-config/domain.sh database} against this domain, with {@code settings} added to its environment. */
    public String configure(String database, Map<String, String> settings) {
        var script = List.of("bash", Path.of("server-config", "domain.sh").toAbsolutePath().toString(), database);
        var scriptEnv = new HashMap<>(settings);
        scriptEnv.put("ASADMIN", asadminPath());
        scriptEnv.put("AS_ADMIN_PORT", String.valueOf(portBase + 48));
        scriptEnv.put("POSTGRESQL_JAR", System.getProperty("graph.addlibs"));
        Run run = exec(script, scriptEnv);
        assertEquals(0, run.code(), "domain.sh " + database + ":\n" + run.output());
        return run.output();
    }

    /**
     * restart-domain, naming the domain: without the name asadmin restarts (or starts, when it is not running)
     * the installation's domain1 on the default ports.
     */
    public void restart() {
        long before = pid();
        asadmin("restart-domain", "--domaindir", domains.toString(), NAME);
        assertNotEquals(before, pid(), "a new JVM after restart-domain");
    }

    private long pid() {
        try {
            return Long.parseLong(Files.readString(domains.resolve(NAME).resolve("config").resolve("pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** asadmin against this domain; fails the test unless the command succeeds. */
    public String asadmin(String... command) {
        Run run = run(List.of(command));
        assertEquals(0, run.code(), "asadmin " + String.join(" ", command) + ":\n" + run.output() + "\nsee " + log());
        return run.output();
    }

    /** asadmin's exit status and answer, for commands that should fail. */
    public Run run(List<String> command) {
        var full = new ArrayList<>(List.of(asadminPath(), "--port", String.valueOf(portBase + 48), "--interactive=false"));
        full.addAll(command);
        return exec(full, Map.of());
    }

    public record Run(int code, String output) {
    }

    private Run exec(List<String> command, Map<String, String> extraEnv) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("GRAPH_DATA_DIR");
            builder.environment().putAll(env);
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String asadminPath() {
        return home.resolve("bin").resolve("asadmin").toString();
    }

    /** stop-domain; then the domain's JVM is killed if it still runs, so no test leaves a server behind. */
    @Override
    public void close() {
        Long pid = null;
        try {
            pid = pid();
        } catch (RuntimeException unreadable) {
            // then only stop-domain can end it
        }
        run(List.of("stop-domain", "--kill=true", "--domaindir", domains.toString(), NAME));
        if (pid != null) {
            ProcessHandle.of(pid).ifPresent(jvm -> {
                jvm.destroyForcibly();
                jvm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
