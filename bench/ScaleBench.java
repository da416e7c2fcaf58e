import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.graphstatus.database.SchemaMigration;
import org.graphstatus.security.Tenants;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Tokens;

/**
 * Fills a database with N statuses under one app of tenant A (in SQL, server-side: an HTTP load of a million
 * creates is bench/speed.sh's business), copies it, and adds as many statuses of tenant B to the copy, under an app
 * with the same id (the (tenant, id) keys allow it, and it is the hardest case for isolation: only tenant_id
 * tells the rows apart). Then it starts the service on each, as the README starts it, and times collection
 * reads with A's tokens on both servers at once, each request on one and then on the other (which goes first
 * alternates): the first page, pages further on reached by following @odata.nextLink ($skiptoken), filters.
 * Side by side, because rounds minutes apart on this shared machine differed by up to
 * 2x in either direction. Before timing, it checks that A sees only its own N rows on both.
 */
public class ScaleBench {

    static final String APP = "5ca1eb00-0000-4000-8000-000000000001";
    /** The tenant measured, and the one whose rows are added; ids of equal length, so keys are as wide. */
    static final String TENANT_A = "5ca1e000-0000-4000-8000-00000000000a";
    static final String TENANT_B = "5ca1e000-0000-4000-8000-00000000000b";
    /**
     * Requests of a row: at least SAMPLES a server, and more while a row has taken under ROW_SECONDS, up to
     * MAX_SAMPLES: eleven requests of 10 ms each moved a median by 30% between runs, the expensive rows cannot
     * afford more. The walk is made WALKS times; a range of pages pools its pages of every walk.
     */
    static final int SAMPLES = 11;
    static final int MAX_SAMPLES = 41;
    static final double ROW_SECONDS = 15;
    static final int WALKS = 3;
    static final int LOAD_CHUNK = 50_000;

    /** Timings of one kind of database: tenant A alone, and tenant A beside B's rows. */
    record Rounds(Map<String, double[]> alone, Map<String, double[]> withB) {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows");
        var results = new LinkedHashMap<String, Rounds>();
        Path h2 = Path.of("target", "bench-scale", "h2-" + UUID.randomUUID()).toAbsolutePath();
        results.put("H2 (file)", measure("h2", h2Database(h2.resolve("alone")), h2Database(h2.resolve("with-b")), rows));
        String pg = "graph_scale_" + UUID.randomUUID().toString().substring(0, 8);
        if (execute(pgUrl("postgres"), "CREATE DATABASE " + pg + "_alone")) {
            try {
                results.put("PostgreSQL", measure("postgresql", pgDatabase(pg + "_alone"), pgDatabase(pg + "_with_b"), rows));
            } finally {
                execute(pgUrl("postgres"), "DROP DATABASE IF EXISTS " + pg + "_alone");
                execute(pgUrl("postgres"), "DROP DATABASE IF EXISTS " + pg + "_with_b");
            }
        }
        print(rows, results);
    }

    /** A database the bench fills and a server runs on: its JDBC URL, the server's environment, its name. */
    record Database(String url, Map<String, String> env, String name) {
    }

    static Database h2Database(Path folder) {
        return new Database("jdbc:h2:file:" + folder.resolve("graph"), Map.of("GRAPH_DATA_DIR", folder.toString()),
                folder.toString());
    }

    static Database pgDatabase(String name) {
        return new Database(pgUrl(name), Map.of("PGDATABASE", name), name);
    }

    /**
     * Tenant A's rows in {@code alone}, a copy of it as {@code withB} (H2: the file; PostgreSQL: a database
     * made from it as a template), B's rows added to the copy; then a server on each, both running while A's
     * reads are timed.
     */
    static Rounds measure(String kind, Database alone, Database withB, int rows) throws Exception {
        load(kind, alone.url(), TENANT_A, rows);
        if (kind.equals("h2")) {
            Files.createDirectories(Path.of(withB.name()));
            Files.copy(Path.of(alone.name(), "graph.mv.db"), Path.of(withB.name(), "graph.mv.db"));
        } else {
            execute(pgUrl("postgres"), "CREATE DATABASE " + withB.name() + " TEMPLATE " + alone.name());
        }
        load(kind, withB.url(), TENANT_B, rows);
        System.setProperty("graph.postboot", Path.of("server-config", kind + ".asadmin").toAbsolutePath().toString());
        Path work = Path.of("target", "bench-scale", kind);
        try (var serverAlone = start(work.resolve("alone"), "ScaleBench " + kind + " A alone", alone);
                var serverWithB = start(work.resolve("with-b"), "ScaleBench " + kind + " A with B", withB)) {
            isolated(serverWithB.graph(), rows, isolated(serverAlone.graph(), rows, null));
            System.err.printf("%s: B's rows are in the copy, and A sees only its own on both%n", kind);
            return timings(serverAlone.graph(), serverWithB.graph(), rows);
        }
    }

    static PayaraProcess start(Path work, String name, Database database) {
        var env = new LinkedHashMap<>(database.env());
        // the bench measures what the expensive reads cost, rather than the 503 that graph.query.timeout (5 s by
        // default) would answer in their place; 30 s is the client's own limit
        env.put("GRAPH_QUERY_TIMEOUT", "30");
        return PayaraProcess.start(work, name, PayaraProcess.freePort(), env);
    }

    /** A read token of {@code tenant}, as the identity platform would issue one to a user of that tenant. */
    static String token(String tenant) {
        return Tokens.sign(Tokens.claims(c -> c.claim("tid", tenant).claim("scp", Tokens.READ)), Tokens.developmentKey());
    }

    /**
     * Throws unless tenant A's first page holds only A's rows (each load writes its tenant into deviceId) and
     * A's {@code /$count} and installSummary count exactly A's {@code rows}; with {@code before}, A's first
     * page must be the same ids as there, and B's own {@code /$count} must be {@code rows} too (the server
     * with B's rows is the one given {@code before}), so that it really reads beside them: B's random ids,
     * under the same app id, would sort among A's if a query forgot the tenant. Returns the first page's ids.
     */
    static List<String> isolated(GraphClient graph, int rows, List<String> before) {
        String tokenA = token(TENANT_A);
        String statuses = "deviceAppManagement/mobileApps/" + APP + "/deviceStatuses";
        var page = expect200(graph.uri(statuses), tokenA);
        var ids = new ArrayList<String>();
        for (JsonObject status : page.json().getJsonArray("value").getValuesAs(JsonObject.class)) {
            if (!TENANT_A.equals(status.getString("deviceId", null))) {
                throw new IllegalStateException("tenant A's first page holds another tenant's row: " + status);
            }
            ids.add(status.getString("id"));
        }
        if (ids.size() != Math.min(100, rows) || (before != null && !ids.equals(before))) {
            throw new IllegalStateException("tenant A's first page changed: " + before + " then " + ids);
        }
        long countA = Long.parseLong(expect200(graph.uri(statuses + "/$count"), tokenA).body().trim());
        JsonObject summary = expect200(graph.uri("deviceAppManagement/mobileApps/" + APP + "/installSummary"), tokenA).json();
        long summed = 0;
        for (String state : List.of("installed", "failed", "notApplicable", "notInstalled", "pendingInstall")) {
            summed += summary.getJsonNumber(state + "DeviceCount").longValue();
        }
        if (countA != rows || summed != rows) {
            throw new IllegalStateException("tenant A counts " + countA + " statuses, its installSummary " + summed + ", not " + rows);
        }
        if (before != null) {
            long countB = Long.parseLong(expect200(graph.uri(statuses + "/$count"), token(TENANT_B)).body().trim());
            if (countB != rows) {
                throw new IllegalStateException("tenant B counts " + countB + " statuses, not " + rows);
            }
        }
        return ids;
    }

    static GraphClient.Answer expect200(URI uri, String token) {
        var answer = GraphClient.send(GraphClient.request(uri, token).GET());
        if (answer.status() != 200) {
            throw new IllegalStateException(uri + ": " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    /**
     * Migrates the database at {@code url} ({@code kind} h2 or postgresql) and fills it with {@code tenant}'s
     * app and its rows; deviceId names the tenant, for the isolation check.
     */
    static void load(String kind, String url, String tenant, int rows) throws Exception {
        long started = System.nanoTime();
        SchemaMigration.flyway(Tenants.DEFAULT).dataSource(url, null, null).load().migrate();
        try (Connection db = DriverManager.getConnection(url); var sql = db.createStatement()) {
            sql.execute("INSERT INTO mobile_app (tenant_id, id, odata_type, display_name, is_featured, publishing_state, upload_state, "
                    + "derived_properties, created_date_time, last_modified_date_time) VALUES ('" + tenant + "', '" + APP + "', "
                    + "'#microsoft.graph.webApp', 'Scale', FALSE, 'published', 0, '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
            String uuid = kind.equals("h2") ? "CAST(RANDOM_UUID() AS VARCHAR(36))" : "CAST(gen_random_uuid() AS VARCHAR(36))";
            // in committed chunks, so that no transaction holds the undo log of a million rows
            for (int from = 1; from <= rows; from += LOAD_CHUNK) {
                int to = Math.min(rows, from + LOAD_CHUNK - 1);
                String series = (kind.equals("h2") ? "SYSTEM_RANGE(" : "generate_series(") + from + ", " + to + ") AS s(x)";
                // one row a second from 2026-01-01; states in turn; the text form of the time is not read by the bench
                sql.execute("INSERT INTO mobile_app_install_status (tenant_id, id, mobile_app_id, device_name, device_id, error_code, "
                        + "install_state, install_state_detail, mobile_app_install_status_value, last_sync_date_time, last_sync_ticks) "
                        + "SELECT '" + tenant + "', " + uuid + ", '" + APP + "', CONCAT('device-', x), '" + tenant + "', 0, "
                        + "CASE MOD(x, 4) WHEN 0 THEN 'installed' WHEN 1 THEN 'failed' WHEN 2 THEN 'pendingInstall' ELSE 'notInstalled' END, "
                        + "'noAdditionalDetails', "
                        + "CASE MOD(x, 4) WHEN 0 THEN 'installed' WHEN 1 THEN 'failed' WHEN 2 THEN 'pendingInstall' ELSE 'notInstalled' END, "
                        + "'2026-01-01T00:00:00Z', 17672256000000000 + CAST(x AS BIGINT) * 10000000 FROM " + series);
            }
            if (kind.equals("h2")) {
                // A bulk load leaves H2's file at 15 GB for a million rows (28 GB with B's), nearly all of it
                // dead chunks, which the server's own compaction (database/H2FileCompaction) then works through
                // during the timed requests; a server that took the rows one create at a time would have
                // compacted as they came. So the load ends as an operator's offline load would: compacted.
                sql.execute("SHUTDOWN COMPACT");
            } else {
                // statistics, as an operator would after a bulk load (README, "PostgreSQL statistics"), and the
                // visibility map and hint bits autovacuum leaves on a settled table: so that neither round meets
                // autovacuum at work on the new rows, nor pays for the first reads after a bulk load
                sql.execute("VACUUM ANALYZE mobile_app_install_status");
            }
        }
        System.err.printf("%s: %,d rows of tenant %s loaded in %.1f s%s%n", kind, rows, tenant, (System.nanoTime() - started) / 1e9,
                kind.equals("h2") ? String.format(", file %,d MiB after SHUTDOWN COMPACT",
                        Files.size(Path.of(url.substring("jdbc:h2:file:".length()) + ".mv.db")) >> 20) : "");
    }

    /**
     * Every timed request differs from the one before (a $top of 100 - i, a time a second later, another
     * page): H2 answers a query it has answered before from its result cache while the table is unchanged,
     * which a service taking writes rarely sees. installSummary cannot differ; it groups the app's statuses by
     * user and state, and H2 counted it on every request in this version's runs.
     *
     * <p>Each request goes to both servers, one after the other, the first alternating; before the timed
     * requests, a few of every kind go untimed to both (compilation, statement caches).
     */
    static Rounds timings(GraphClient alone, GraphClient withB, int rows) {
        var both = new Both(alone, withB, token(TENANT_A));
        String statuses = "deviceAppManagement/mobileApps/" + APP + "/deviceStatuses";
        String filter = "$filter=installState eq 'failed' and lastSyncDateTime ge 2026-01-06T00:00:%02dZ";
        for (GraphClient graph : List.of(alone, withB)) {
            warmUp(graph.uri(statuses), both.token);
        }
        for (int i = 55; i < 58; i++) { // values the timed requests below do not use: no answer from H2's cache
            int value = i;
            for (Request request : List.<Request>of(graph -> query(graph, statuses, String.format(filter, value)),
                    graph -> query(graph, statuses, String.format(filter, value) + "&$count=true"),
                    graph -> query(graph, statuses, "$orderby=lastSyncDateTime desc&$top=" + (100 - value)),
                    graph -> graph.uri("deviceAppManagement/mobileApps/" + APP + "/installSummary"))) {
                both.time(i, request);
            }
        }
        both.times("first page", (graph, i) -> query(graph, statuses, "$top=" + (100 - i)));
        // every page from 1 to the deepest by nextLink on each server, page by page, each timed; WALKS times
        int deepest = Math.min(5000, rows / 100);
        var walks = List.of(new ArrayList<List<Double>>(), new ArrayList<List<Double>>());
        for (int walk = 0; walk < WALKS; walk++) {
            var next = new URI[] {alone.uri(statuses), withB.uri(statuses)};
            walks.forEach(sides -> sides.add(new ArrayList<>()));
            for (int page = 1; page <= deepest; page++) {
                int current = page;
                both.time(page, graph -> next[both.side(graph)], (side, millis, answer) -> {
                    if (answer.status() != 200) {
                        throw new IllegalStateException("page " + current + ": " + answer.status() + " " + answer.body());
                    }
                    List<List<Double>> walksOfSide = walks.get(side);
                    walksOfSide.get(walksOfSide.size() - 1).add(millis);
                    if (current < deepest) {
                        next[side] = URI.create(answer.json().getString("@odata.nextLink"));
                    }
                }, null);
            }
        }
        for (int page : List.of(10, 100, 1000, 5000)) {
            if (page <= deepest) {
                both.put("pages " + (page - 9) + "-" + page + " by $skiptoken",
                        pages(walks.get(0), page - 10, page), pages(walks.get(1), page - 10, page));
            }
        }
        // Ten pages of a walk are ten single requests, 4 to 46 ms apart on the same server (a collection pause
        // lands in one of them) while the walk's pages get faster as it goes: the last hundred say more.
        if (deepest >= 200) {
            both.put("pages " + (deepest - 99) + "-" + deepest + " by $skiptoken",
                    pages(walks.get(0), deepest - 100, deepest), pages(walks.get(1), deepest - 100, deepest));
        }
        both.put("all " + deepest + " pages of the walk", pages(walks.get(0), 0, deepest), pages(walks.get(1), 0, deepest));
        both.times("$filter state and lastSyncDateTime, first page", (graph, i) -> query(graph, statuses, String.format(filter, i)));
        both.times("same $filter with $count=true",
                (graph, i) -> query(graph, statuses, String.format(filter, i) + "&$count=true"));
        both.times("$orderby lastSyncDateTime desc, first page",
                (graph, i) -> query(graph, statuses, "$orderby=lastSyncDateTime desc&$top=" + (100 - i)));
        both.times("installSummary (groups all of A's rows by user and state)",
                (graph, i) -> graph.uri("deviceAppManagement/mobileApps/" + APP + "/installSummary"));
        return new Rounds(both.alone, both.withB);
    }

    /** Pages {@code from} (from 0) to {@code to} of every walk, pooled. */
    static List<Double> pages(List<List<Double>> walks, int from, int to) {
        return walks.stream().flatMap(walk -> walk.subList(from, to).stream()).toList();
    }

    /** The request to send to a server. */
    interface Request {
        URI to(GraphClient graph);
    }

    /** What to do with a server's answer and the milliseconds it took; side 0 is A alone, 1 A with B. */
    interface Answered {
        void with(int side, double millis, GraphClient.Answer answer);
    }

    /** The two servers, timed in turn, and their timings so far. */
    static final class Both {
        /** Side 0: the server of A alone; side 1: the one with B's rows. */
        final List<GraphClient> servers;
        final String token;
        final Map<String, double[]> alone = new LinkedHashMap<>();
        final Map<String, double[]> withB = new LinkedHashMap<>();

        Both(GraphClient aloneServer, GraphClient withBServer, String token) {
            this.servers = List.of(aloneServer, withBServer);
            this.token = token;
        }

        int side(GraphClient graph) {
            return servers.indexOf(graph);
        }

        /** {@code request} on both servers, the first alternating with {@code turn}; each must answer 200. */
        void time(int turn, Request request) {
            time(turn, request, (side, millis, answer) -> {
                if (answer.status() != 200) {
                    throw new IllegalStateException(request.to(servers.get(side)) + ": " + answer.status() + " " + answer.body());
                }
            }, null);
        }

        /**
         * SAMPLES to MAX_SAMPLES requests on both servers (more while the row has taken under ROW_SECONDS),
         * each a little different ({@code request} gets the sample's number); a server's cell is {-1, -1} once
         * one of its requests takes longer than the client's 30 s.
         */
        void times(String name, java.util.function.BiFunction<GraphClient, Integer, URI> request) {
            var samples = List.of(new ArrayList<Double>(), new ArrayList<Double>());
            var timedOut = new boolean[2];
            long started = System.nanoTime();
            for (int i = 0; i < MAX_SAMPLES && (i < SAMPLES || System.nanoTime() - started < ROW_SECONDS * 1e9); i++) {
                int sample = i;
                time(i, graph -> request.apply(graph, sample), (side, millis, answer) -> {
                    if (answer.status() != 200) {
                        throw new IllegalStateException(name + ": " + answer.status() + " " + answer.body());
                    }
                    samples.get(side).add(millis);
                }, timedOut);
            }
            alone.put(name, timedOut[0] ? new double[] {-1, -1} : stats(samples.get(0)));
            withB.put(name, timedOut[1] ? new double[] {-1, -1} : stats(samples.get(1)));
        }

        /**
         * {@code request} on both servers, the first alternating with {@code turn}. With {@code timedOut}, a
         * server whose request takes longer than the client's 30 s is marked there and left out from then on;
         * without, that ends the bench.
         */
        void time(int turn, Request request, Answered answered, boolean[] timedOut) {
            for (int side : turn % 2 == 0 ? List.of(0, 1) : List.of(1, 0)) {
                GraphClient graph = servers.get(side);
                if (timedOut != null && timedOut[side]) {
                    continue;
                }
                URI uri = request.to(graph);
                long t = System.nanoTime();
                try {
                    var answer = GraphClient.send(GraphClient.request(uri, token).GET());
                    answered.with(side, (System.nanoTime() - t) / 1e6, answer);
                } catch (java.io.UncheckedIOException over30Seconds) {
                    if (timedOut == null) {
                        throw over30Seconds;
                    }
                    timedOut[side] = true;
                }
            }
        }

        void put(String name, List<Double> aloneSamples, List<Double> withBSamples) {
            alone.put(name, stats(aloneSamples));
            withB.put(name, stats(withBSamples));
        }
    }

    static URI query(GraphClient graph, String path, String options) {
        var encoded = new StringBuilder();
        for (String option : options.split("&")) {
            String[] pair = option.split("=", 2);
            encoded.append(encoded.length() == 0 ? "?" : "&").append(pair[0]).append('=')
                    .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(graph.uri(path) + encoded.toString());
    }

    /** The first page 200 times, and the first 50 pages by nextLink, untimed. */
    static void warmUp(URI uri, String token) {
        for (int i = 0; i < 200; i++) {
            GraphClient.send(GraphClient.request(uri, token).GET());
        }
        URI next = uri;
        for (int page = 0; page < 50 && next != null; page++) {
            var answer = expect200(next, token);
            next = answer.json().containsKey("@odata.nextLink") ? URI.create(answer.json().getString("@odata.nextLink")) : null;
        }
    }

    /** Median and 90th percentile, in milliseconds. */
    static double[] stats(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.9) - 1]};
    }

    static void print(int rows, Map<String, Rounds> results) {
        var kinds = new ArrayList<>(results.keySet());
        System.out.printf("# Collections at scale: %,d statuses under one app of tenant A, alone and beside as many of tenant B (%s)%n%n",
                rows, java.time.LocalDate.now());
        System.out.println("Median / p90 in ms of " + SAMPLES + " to " + MAX_SAMPLES + " sequential requests with tenant A's "
                + "token (more where a row took under " + (int) ROW_SECONDS + " s), each a little different, client on the "
                + "same machine; pages of 100. Pages by $skiptoken: from " + WALKS + " walks of every page from the first "
                + "by @odata.nextLink, a range's pages of every walk pooled. \"A with B\": a copy of A's database with as "
                + "many statuses of tenant B added, under an app with the same id. Both servers ran at once, each request went to one and then "
                + "the other, the first in turn. Ratio: with B / alone, of the medians. graph.query.timeout 30 s.\n");
        var header = new StringBuilder("| request |");
        kinds.forEach(kind -> header.append(' ').append(kind).append(" A alone | ").append(kind).append(" A with B | ratio |"));
        System.out.println(header);
        System.out.println("|---|" + "---|---|---|".repeat(kinds.size()));
        for (String request : results.get(kinds.get(0)).alone().keySet()) {
            var line = new StringBuilder("| ").append(request).append(" |");
            for (String kind : kinds) {
                double[] alone = results.get(kind).alone().get(request);
                double[] withB = results.get(kind).withB().get(request);
                line.append(cell(alone)).append(cell(withB)).append(alone == null || withB == null || alone[0] <= 0 || withB[0] < 0
                        ? " - |" : String.format(" %.2f |", withB[0] / alone[0]));
            }
            System.out.println(line);
        }
    }

    static String cell(double[] t) {
        return t == null ? " - |" : t[0] < 0 ? " over 30 s |" : String.format(" %.1f / %.1f |", t[0], t[1]);
    }

    static String pgUrl(String database) {
        return "jdbc:postgresql://" + System.getenv("PGHOST") + ":" + System.getenv("PGPORT") + "/" + database
                + "?user=" + System.getenv("PGUSER") + (System.getenv("PGPASSWORD") == null ? "" : "&password=" + System.getenv("PGPASSWORD"));
    }

    /** Runs a statement; false when the server cannot be reached (then PostgreSQL is left out). */
    static boolean execute(String url, String statement) {
        try (Connection db = DriverManager.getConnection(url); var sql = db.createStatement()) {
            sql.execute(statement);
            return true;
        } catch (java.sql.SQLException e) {
            System.err.println("PostgreSQL left out: " + e.getMessage());
            return false;
        }
    }
}
