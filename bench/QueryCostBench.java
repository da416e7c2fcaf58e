import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.PayaraProcess;

/**
 * Do expensive queries stop cheap requests? On a large app (ScaleBench's load), a GET of
 * one status by id is timed sequentially, first alone, then while 40 clients loop over expensive collection
 * requests ({@code contains()} with {@code $count=true}, an {@code $orderby} no index serves on H2, a
 * {@code /$count}). Each database is measured with each {@code graph.query.concurrent-collections} setting of
 * {@code bench.limits} on a fresh server, side by side in one run.
 */
public class QueryCostBench {

    static final String APP = ScaleBench.APP;
    static final int CLIENTS = Integer.getInteger("bench.clients", 40);
    static final int SECONDS = Integer.getInteger("bench.seconds", 40);
    static final List<String> KINDS = List.of("contains() with $count=true", "$orderby=lastSyncDateTime desc", "/$count with $filter");

    /** One row of the table: a database, a setting, with or without the expensive load. */
    record Row(String database, String limit, String load, List<Double> cheap, Map<String, Integer> cheapErrors,
            Map<String, LongAdder> expensive, List<Double> expensiveTimes) {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 200_000);
        List<String> limits = List.of(System.getProperty("bench.limits", "1000,default,8").split(","));
        var table = new ArrayList<Row>();
        Path h2 = Path.of("target", "bench-query-cost", "h2-" + UUID.randomUUID()).toAbsolutePath();
        String h2Url = "jdbc:h2:file:" + h2.resolve("graph");
        ScaleBench.load("h2", h2Url, ScaleBench.TENANT_A, rows);
        List<String> h2Ids = ids(h2Url);
        for (String limit : limits) {
            table.addAll(measure("H2 (file)", "h2", limit, Map.of("GRAPH_DATA_DIR", h2.toString()), h2Ids));
        }
        String pg = "graph_query_cost_" + UUID.randomUUID().toString().substring(0, 8);
        if (ScaleBench.execute(ScaleBench.pgUrl("postgres"), "CREATE DATABASE " + pg)) {
            try {
                ScaleBench.load("postgresql", ScaleBench.pgUrl(pg), ScaleBench.TENANT_A, rows);
                List<String> pgIds = ids(ScaleBench.pgUrl(pg));
                for (String limit : limits) {
                    table.addAll(measure("PostgreSQL", "postgresql", limit, Map.of("PGDATABASE", pg), pgIds));
                }
            } finally {
                ScaleBench.execute(ScaleBench.pgUrl("postgres"), "DROP DATABASE " + pg);
            }
        }
        print(rows, table);
    }

    /** 1,000 ids spread over the app's statuses, read before the server opens the database (H2 locks its file). */
    static List<String> ids(String url) throws Exception {
        var ids = new ArrayList<String>();
        try (Connection db = DriverManager.getConnection(url); var sql = db.createStatement();
                var result = sql.executeQuery("SELECT id FROM mobile_app_install_status WHERE MOD(CAST(SUBSTRING(device_name, 8) AS INT), 200) = 0")) {
            while (result.next() && ids.size() < 1000) {
                ids.add(result.getString(1));
            }
        }
        Collections.shuffle(ids);
        return ids;
    }

    static List<Row> measure(String database, String kind, String limit, Map<String, String> env, List<String> ids) {
        var serverEnv = new LinkedHashMap<>(env);
        if (!limit.equals("default")) {
            serverEnv.put("GRAPH_QUERY_CONCURRENT_COLLECTIONS", limit);
        }
        System.setProperty("graph.postboot", Path.of("server-config", kind + ".asadmin").toAbsolutePath().toString());
        Path work = Path.of("target", "bench-query-cost", kind + "-" + limit);
        try (var server = PayaraProcess.start(work, "QueryCostBench " + kind + " " + limit, PayaraProcess.freePort(), serverEnv)) {
            GraphClient graph = server.graph();
            String token = ScaleBench.token(ScaleBench.TENANT_A);
            String statuses = "deviceAppManagement/mobileApps/" + APP + "/deviceStatuses";
            IntFunction<URI> cheap = i -> graph.uri(statuses + "/" + ids.get(i % ids.size()));
            for (int i = 0; i < 300; i++) {
                GraphClient.send(GraphClient.request(cheap.apply(i), token).GET());
            }
            List<IntFunction<URI>> expensive = List.of(
                    i -> ScaleBench.query(graph, statuses, "$filter=contains(deviceName,'" + i + "x')&$count=true&$top=" + (1 + i % 99)),
                    i -> ScaleBench.query(graph, statuses, "$orderby=lastSyncDateTime desc&$top=" + (1 + i % 99)),
                    i -> ScaleBench.query(graph, statuses + "/$count",
                            "$filter=lastSyncDateTime ge 2026-01-01T00:" + String.format("%02d:%02dZ", i / 60 % 60, i % 60)));
            for (int i = 0; i < expensive.size() * 3; i++) { // the server's first sight of each kind of query
                GraphClient.send(GraphClient.request(expensive.get(i % expensive.size()).apply(i), token).GET());
            }
            // the default is one per processor: the server runs on this machine, so it sees what this JVM sees
            String label = limit.equals("default") ? "default (" + Runtime.getRuntime().availableProcessors() + ")" : limit;
            var rows = new ArrayList<Row>();
            rows.add(timeCheap(database, label, "none", cheap, token, null, null, 20));
            System.err.printf("%s %s: no load done%n", database, label);

            var counts = new ConcurrentHashMap<String, LongAdder>();
            var times = Collections.synchronizedList(new ArrayList<Double>());
            var stop = new AtomicBoolean();
            var clients = new ArrayList<Thread>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                var thread = new Thread(() -> {
                    for (int i = client * 100_000; !stop.get(); i++) {
                        int which = (client + i) % expensive.size();
                        URI uri = expensive.get(which).apply(i);
                        long t = System.nanoTime();
                        String outcome;
                        try {
                            HttpResponse<String> answer = GraphClient.send(GraphClient.request(uri, token).GET()).response();
                            outcome = String.valueOf(answer.statusCode());
                        } catch (RuntimeException e) {
                            outcome = "timeout";
                        }
                        times.add((System.nanoTime() - t) / 1e6);
                        counts.computeIfAbsent(KINDS.get(which) + "|" + outcome, k -> new LongAdder()).increment();
                    }
                });
                thread.start();
                clients.add(thread);
            }
            sleep(5);
            counts.clear();
            times.clear();
            rows.add(timeCheap(database, label, CLIENTS + " expensive", cheap, token, counts, times, SECONDS));
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }
            System.err.printf("%s %s: under load done%n", database, label);
            return rows;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cheap GETs one after another for {@code seconds}; a copy of the expensive figures when they end. */
    static Row timeCheap(String database, String limit, String load, IntFunction<URI> cheap, String token,
            Map<String, LongAdder> counts, List<Double> times, int seconds) {
        var samples = new ArrayList<Double>();
        var errors = new LinkedHashMap<String, Integer>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = ThreadLocalRandom.current().nextInt(1000); System.nanoTime() < end; i++) {
            long t = System.nanoTime();
            String outcome;
            try {
                outcome = String.valueOf(GraphClient.send(GraphClient.request(cheap.apply(i), token).GET()).status());
            } catch (RuntimeException e) {
                outcome = "timeout";
            }
            samples.add((System.nanoTime() - t) / 1e6);
            if (!outcome.equals("200")) {
                errors.merge(outcome, 1, Integer::sum);
            }
        }
        Map<String, LongAdder> expensive = new LinkedHashMap<>();
        List<Double> expensiveTimes = new ArrayList<>();
        if (counts != null) {
            counts.forEach((k, v) -> expensive.put(k, copy(v)));
            synchronized (times) {
                expensiveTimes.addAll(times);
            }
        }
        return new Row(database, limit, load, samples, errors, expensive, expensiveTimes);
    }

    static LongAdder copy(LongAdder v) {
        var c = new LongAdder();
        c.add(v.sum());
        return c;
    }

    static void sleep(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    static void print(int rows, List<Row> table) {
        System.out.printf("# Query cost: cheap GETs beside %d expensive clients, %,d statuses under one app (%s)%n%n",
                CLIENTS, rows, java.time.LocalDate.now());
        System.out.println("A GET of one status by id, one after another (20 s alone, " + SECONDS + " s under load), "
                + "while " + CLIENTS + " clients loop over $filter=contains(deviceName,...)&$count=true, "
                + "$orderby=lastSyncDateTime desc and /$count with a $filter (each request a little different). "
                + "limit: graph.query.concurrent-collections. Times in ms; client on the same 2 cores.\n");
        System.out.println("| database | limit | load | GETs | GET p50 | GET p99 | GET max | GET not 200 "
                + "| expensive 200 | expensive 503 | expensive other | expensive p50 | expensive max |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : table) {
            long ok = answers(row, "", "200");
            long unavailable = answers(row, "", "503");
            var other = new StringBuilder();
            row.expensive().forEach((k, v) -> {
                String outcome = k.substring(k.indexOf('|') + 1);
                if (!outcome.equals("200") && !outcome.equals("503")) {
                    other.append(other.length() == 0 ? "" : ", ").append(k).append(": ").append(v.sum());
                }
            });
            boolean loaded = !row.load().equals("none");
            System.out.printf("| %s | %s | %s | %d | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s | %s |%n",
                    row.database(), row.limit(), row.load(), row.cheap().size(), percentile(row.cheap(), 0.5),
                    percentile(row.cheap(), 0.99), percentile(row.cheap(), 1.0),
                    row.cheapErrors().isEmpty() ? "0" : row.cheapErrors().toString(),
                    loaded ? ok : "-", loaded ? unavailable : "-", loaded ? (other.length() == 0 ? "0" : other) : "-",
                    loaded ? String.format("%.0f", percentile(row.expensiveTimes(), 0.5)) : "-",
                    loaded ? String.format("%.0f", percentile(row.expensiveTimes(), 1.0)) : "-");
        }
        System.out.println("\nThe expensive answers by kind, 200 / 503:\n");
        System.out.println("| database | limit | " + String.join(" | ", KINDS) + " |");
        System.out.println("|---|---|" + "---|".repeat(KINDS.size()));
        for (Row row : table) {
            if (!row.load().equals("none")) {
                var line = new StringBuilder("| " + row.database() + " | " + row.limit() + " |");
                KINDS.forEach(kind -> line.append(" ").append(answers(row, kind, "200")).append(" / ")
                        .append(answers(row, kind, "503")).append(" |"));
                System.out.println(line);
            }
        }
    }

    /** How many expensive requests of {@code kind} (all when empty) were answered {@code status}. */
    static long answers(Row row, String kind, String status) {
        return row.expensive().entrySet().stream()
                .filter(e -> e.getKey().endsWith("|" + status) && (kind.isEmpty() || e.getKey().startsWith(kind + "|")))
                .mapToLong(e -> e.getValue().sum()).sum();
    }
}
