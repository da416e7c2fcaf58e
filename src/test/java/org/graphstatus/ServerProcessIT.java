package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.PayaraProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a running server shows the machine besides its API, started as the README starts it in development mode:
 * it listens on the HTTP port only (no data grid), from its launch on, says once that the development key is in use, and keeps the
 * database password out of its log and of the files in its temporary folder. Reads Linux's {@code /proc}.
 */
class ServerProcessIT {

    private static final Path WORK = Path.of("target", "server-process");
    private static final String PASSWORD = "not-to-be-written-" + UUID.randomUUID();
    private static final Pattern RUNTIME = Pattern.compile("(.*/payaramicro-rt\\d+tmp)/.*");

    private static final Set<Integer> LISTENED_WHILE_BOOTING = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger SAMPLES = new AtomicInteger();

    private static int port;
    private static PayaraProcess server;

    @BeforeAll
    static void start() {
        port = PayaraProcess.freePort();
        // the password is set the way an operator would have set it before: it must go nowhere
        server = PayaraProcess.start(WORK, "ServerProcessIT", port, Map.of("PGPASSWORD", PASSWORD,
                "GRAPH_DATA_DIR", WORK.resolve("data").toAbsolutePath().toString()), pid -> {
                    LISTENED_WHILE_BOOTING.addAll(listeningPorts(pid));
                    SAMPLES.incrementAndGet();
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOnlyPortTheServerListensOnIsTheHttpOne() {
        assertEquals(Set.of(port), listeningPorts(server.pid()));
    }

    /** Payara Micro with --nocluster listened on a 69xx port for the few seconds before its post-boot file ran. */
    @Test
    void fromItsLaunchToItsFirstAnswerTheServerListensOnTheHttpPortOnly() {
        assertTrue(SAMPLES.get() > 10, "sampled " + SAMPLES + " times while booting");
        assertEquals(Set.of(port), LISTENED_WHILE_BOOTING, "ports seen in " + SAMPLES + " samples while booting");
    }

    @Test
    void developmentModeSaysOnceThatTheDevelopmentKeyIsInUse() throws IOException {
        List<String> warnings = log().lines().filter(line -> line.contains("Development mode (GRAPH_DEVELOPMENT=true)")).toList();
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).contains("WARNING"), warnings.get(0));
        assertTrue(warnings.get(0).contains("the development key (dev-jwt/development-only.public.pem)"), warnings.get(0));
    }

    @Test
    void theDatabasePasswordIsInNoLogAndNoFileOfTheServer() throws IOException {
        assertFalse(log().contains(PASSWORD), "the log");
        Path runtime = runtimeFolder(server.pid());
        assertTrue(Files.isRegularFile(runtime.resolve("config/domain.xml")), runtime.toString());
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(PASSWORD), file.toString());
            }
        }
        if (Databases.postgresqlRun()) { // on H2 the pool has no password at all; this run proves the pool still connects
            assertTrue(Files.readString(runtime.resolve("config/domain.xml")).contains("GraphPostgresPool"));
        }
    }

    private static String log() throws IOException {
        return Files.readString(WORK.resolve("ServerProcessIT.log"));
    }

    /** The process's TCP sockets in LISTEN state: its socket inodes, looked up in its network namespace's tables. */
    static Set<Integer> listeningPorts(long pid) {
        try {
            Set<String> inodes = new HashSet<>();
            for (Path fd : fds(pid)) {
                String target = readLink(fd);
                if (target.startsWith("socket:[")) {
                    inodes.add(target.substring("socket:[".length(), target.length() - 1));
                }
            }
            Set<Integer> ports = new TreeSet<>();
            for (String table : new String[] {"tcp", "tcp6"}) {
                List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] column = line.trim().split("\\s+"); // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
                    if (column[3].equals("0A") && inodes.contains(column[9])) {
                        ports.add(Integer.parseInt(column[1].substring(column[1].indexOf(':') + 1), 16));
                    }
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Payara Micro's temporary root, found from the files the process holds open in it. */
    private static Path runtimeFolder(long pid) throws IOException {
        for (Path fd : fds(pid)) {
            Matcher runtime = RUNTIME.matcher(readLink(fd));
            if (runtime.matches()) {
                return Path.of(runtime.group(1));
            }
        }
        throw new AssertionError("no open file under a payaramicro-rt folder");
    }

    private static List<Path> fds(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.toList();
        }
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        } catch (UncheckedIOException e) {
            return "";
        }
    }
}
