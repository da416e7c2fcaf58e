package org.graphstatus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs JavaScript tests of {@code src/test/js} (Microsoft's JavaScript Graph client) with Node's own test
 * runner against a service, and fails with their output when one fails. They read the service's base URL and
 * tokens from the environment. {@code ./mvnw verify} installs the client with {@code npm ci} before the tests.
 */
public final class NodeTests {

    public static final Path TESTS = Path.of(System.getProperty("basedir", "."), "src", "test", "js");
    private static final long TIMEOUT_MINUTES = 5;

    private NodeTests() {
    }

    /**
     * Runs {@code files} (every {@code *.test.js} when none) against the service's {@code /beta} URL, with a
     * read-write and a read token and whatever else {@code env} sets.
     */
    public static void run(String betaUrl, Map<String, String> env, String... files) throws Exception {
        assertTrue(Files.isDirectory(TESTS.resolve("node_modules/@microsoft/microsoft-graph-client")),
                "The client is not installed: run npm ci in " + TESTS + " (./mvnw verify does)");
        var command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
        command.addAll(List.of(files));
        var node = new ProcessBuilder(command).directory(TESTS.toFile()).redirectErrorStream(true);
        node.environment().put("GRAPH_BASE_URL", betaUrl.replaceAll("/+$", ""));
        node.environment().put("GRAPH_TOKEN", Tokens.delegated(Tokens.READ_WRITE));
        node.environment().put("GRAPH_READ_TOKEN", Tokens.delegated(Tokens.READ));
        node.environment().putAll(env);

        Process process = node.start();
        var output = new StringBuffer();
        // Read as it comes, so the test log shows the run live and a hung test still shows what it did.
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = process.inputReader()) {
                lines.lines().forEach(line -> {
                    System.out.println("[node] " + line);
                    output.append(line).append('\n');
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            // node --test runs each file in a child process of its own
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));

        assertTrue(finished, "node --test did not finish within " + TIMEOUT_MINUTES + " minutes:\n" + output);
        assertEquals(0, process.exitValue(), "node --test failed:\n" + output);
    }
}
