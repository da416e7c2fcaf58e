package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's JavaScript Graph client ({@code @microsoft/microsoft-graph-client}, pinned in {@code src/test/js}),
 * a second official client written apart from the Java SDK of {@code GraphSdkIT}, against the deployed service.
 * The tests themselves are JavaScript, run by Node's own test runner; they read the service and two tokens
 * from the environment. {@code ./mvnw verify} installs the client with {@code npm ci} before the tests.
 */
class GraphJavaScriptClientIT extends DeployedService {

    static final Path TESTS = Path.of(System.getProperty("basedir", "."), "src", "test", "js");
    static final long TIMEOUT_MINUTES = 5;

    @Test
    void theJavaScriptClientPassesItsTests() throws Exception {
        assertTrue(Files.isDirectory(TESTS.resolve("node_modules/@microsoft/microsoft-graph-client")),
                "The client is not installed: run npm ci in " + TESTS + " (./mvnw verify does)");
        String beta = graph.uri("").toString();
        var node = new ProcessBuilder("node", "--test", "--test-reporter=spec")
                .directory(TESTS.toFile())
                .redirectErrorStream(true);
        node.environment().put("GRAPH_BASE_URL", beta.substring(0, beta.length() - 1));
        node.environment().put("GRAPH_TOKEN", Tokens.delegated(Tokens.READ_WRITE));
        node.environment().put("GRAPH_READ_TOKEN", Tokens.delegated(Tokens.READ));

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
