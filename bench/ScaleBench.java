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
 * creates is issue 6's business), starts the service on it as the README starts it, and times collection reads
 * with A's tokens: the first page, pages further on reached by following @odata.nextLink ($skiptoken), and
 * filters. Then it loads as many statuses for tenant B, under an app with the same id (the (tenant, id) keys
 * allow it, and it is the hardest case for isolation: only tenant_id tells the rows apart), and times A's reads
 * again (issue 16, item 5). Before each round it checks that A sees only its own N rows.
 */
public class ScaleBench {

    static final String APP = "5ca1eb00-0000-4000-8000-000000000001";
    /** The tenant measured, and the one whose rows are added; ids of equal length, so keys are as wide. */
    static final String TENANT_A = "5ca1e000-0000-4000-8000-00000000000a";
    static final String TENANT_B = "5ca1e000-0000-4000-8000-00000000000b";
    static final int SAMPLES = 11;
    static final int LOAD_CHUNK = 50_000;

    /** Timings of one database: tenant A alone, and tenant A with B's rows. */
    record Rounds(Map<String, double[]> alone, Map<String, double[]> withB) {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows");
        var results = new LinkedHashMap<String, Rounds>();
        Path h2 = Path.of("target", "bench-scale", "h2-" + UUID.randomUUID()).toAbsolutePath();
        results.put("H2 (file)", measure("h2", "jdbc:h2:file:" + h2.resolve("graph"), Map.of("GRAPH_DATA_DIR", h2.toString()), rows));
        String pg = "graph_scale_" + UUID.randomUUID().toString().substring(0, 8);
        if (execute(pgUrl("postgres"), "CREATE DATABASE " + pg)) {
            try {
                results.put("PostgreSQL", measure("postgresql", pgUrl(pg), Map.of("PGDATABASE", pg), rows));
            } finally {
                execute(pgUrl("postgres"), "DROP DATABASE " + pg);
            }
        }
        print(rows, results);
    }

    /**
     * Tenant A's rows, A's reads, B's rows, A's reads again. PostgreSQL takes B's rows while the server runs.
     * The embedded H2 cannot: the server holds its file's lock, so the server is stopped for B's load and
     * started again; both of H2's rounds then begin on a freshly started server with the same warm-up.
     */
    static Rounds measure(String kind, String url, Map<String, String> env, int rows) throws Exception {
        load(kind, url, TENANT_A, rows);
        System.setProperty("graph.postboot", Path.of("server-config", kind + ".asadmin").toAbsolutePath().toString());
        Path work = Path.of("target", "bench-scale", kind);
        var serverEnv = new LinkedHashMap<>(env);
        // the bench measures what the expensive reads cost, rather than the 503 that graph.query.timeout (5 s by
        // default) would answer in their place; 30 s is the client's own limit
        serverEnv.put("GRAPH_QUERY_TIMEOUT", "30");
        var server = PayaraProcess.start(work, "ScaleBench " + kind + " A alone", PayaraProcess.freePort(), serverEnv);
        try {
            List<String> firstPage = isolated(server.graph(), rows, null);
            var alone = timings(server.graph(), rows);
            if (kind.equals("h2")) {
                server.close();
                load(kind, url, TENANT_B, rows);
                server = PayaraProcess.start(work, "ScaleBench " + kind + " A with B", PayaraProcess.freePort(), serverEnv);
            } else {
                load(kind, url, TENANT_B, rows);
            }
            isolated(server.graph(), rows, firstPage);
            System.err.printf("%s: B's rows are in, and A sees only its own%n", kind);
            return new Rounds(alone, timings(server.graph(), rows));
        } finally {
            server.close();
        }
    }

    /** A read token of {@code tenant}, as the identity platform would issue one to a user of that tenant. */
    static String token(String tenant) {
        return Tokens.sign(Tokens.claims(c -> c.claim("tid", tenant).claim("scp", Tokens.READ)), Tokens.developmentKey());
    }

    /**
     * Throws unless tenant A's first page holds only A's rows (each load writes its tenant into deviceId) and
     * A's {@code /$count} and installSummary count exactly A's {@code rows}; with {@code before}, A's first
     * page must be the same ids as then: B's random ids, under the same app id, would sort among A's if a
     * query forgot the tenant. Once B's rows are in, B's own {@code /$count} must be {@code rows} too, so
     * that the second round really reads beside them. Returns the first page's ids.
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
     * <p>Before the timed requests, a few of every kind go untimed: otherwise only the first round would pay
     * for the server's first sight of each query (compilation, statement caches), the second round on
     * PostgreSQL's server having had it in the first.
     */
    static Map<String, double[]> timings(GraphClient graph, int rows) {
        String token = token(TENANT_A);
        String statuses = "deviceAppManagement/mobileApps/" + APP + "/deviceStatuses";
        String filter = "$filter=installState eq 'failed' and lastSyncDateTime ge 2026-01-06T00:00:%02dZ";
        var timings = new LinkedHashMap<String, double[]>();
        warmUp(graph.uri(statuses), token);
        for (int i = 50; i < 53; i++) { // values the timed requests below do not use: no answer from H2's cache
            for (URI uri : List.of(query(graph, statuses, String.format(filter, i)),
                    query(graph, statuses, String.format(filter, i) + "&$count=true"),
                    query(graph, statuses, "$orderby=lastSyncDateTime desc&$top=" + (100 - i)),
                    graph.uri("deviceAppManagement/mobileApps/" + APP + "/installSummary"))) {
                expect200(uri, token);
            }
        }
        timings.put("first page", times(i -> query(graph, statuses, "$top=" + (100 - i)), token));
        // every page from 1 to the deepest by nextLink, each timed; a page's figure is the median of its ten
        int deepest = Math.min(5000, rows / 100);
        URI next = graph.uri(statuses);
        var walk = new ArrayList<Double>();
        for (int page = 1; page <= deepest; page++) {
            long t = System.nanoTime();
            var answer = GraphClient.send(GraphClient.request(next, token).GET());
            walk.add((System.nanoTime() - t) / 1e6);
            if (answer.status() != 200) {
                throw new IllegalStateException("page " + page + ": " + answer.status() + " " + answer.body());
            }
            if (page < deepest) {
                next = URI.create(answer.json().getString("@odata.nextLink"));
            }
        }
        for (int page : List.of(10, 100, 1000, 5000)) {
            if (page <= deepest) {
                timings.put("pages " + (page - 9) + "-" + page + " by $skiptoken", stats(walk.subList(page - 10, page)));
            }
        }
        // Ten pages of a walk are ten single requests, 4 to 46 ms apart on the same server (a collection pause
        // lands in one of them) while the walk's pages get faster as it goes: the last hundred say more.
        if (deepest >= 200) {
            timings.put("pages " + (deepest - 99) + "-" + deepest + " by $skiptoken", stats(walk.subList(deepest - 100, deepest)));
        }
        timings.put("all " + deepest + " pages of the walk", stats(walk));
        timings.put("$filter state and lastSyncDateTime, first page",
                times(i -> query(graph, statuses, String.format(filter, i)), token));
        timings.put("same $filter with $count=true",
                times(i -> query(graph, statuses, String.format(filter, i) + "&$count=true"), token));
        timings.put("$orderby lastSyncDateTime desc, first page",
                times(i -> query(graph, statuses, "$orderby=lastSyncDateTime desc&$top=" + (100 - i)), token));
        timings.put("installSummary (groups all of A's rows by user and state)",
                times(i -> graph.uri("deviceAppManagement/mobileApps/" + APP + "/installSummary"), token));
        return timings;
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


    /** Median and p90 of SAMPLES requests; {-1, -1} when one takes longer than the client's 30 s. */
    static double[] times(java.util.function.IntFunction<URI> request, String token) {
        var samples = new ArrayList<Double>();
        for (int i = 0; i < SAMPLES; i++) {
            URI uri = request.apply(i);
            long t = System.nanoTime();
            GraphClient.Answer answer;
            try {
                answer = GraphClient.send(GraphClient.request(uri, token).GET());
            } catch (java.io.UncheckedIOException timedOut) {
                return new double[] {-1, -1};
            }
            samples.add((System.nanoTime() - t) / 1e6);
            if (answer.status() != 200) {
                throw new IllegalStateException(uri + ": " + answer.status() + " " + answer.body());
            }
        }
        return stats(samples);
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
        System.out.println("Median / p90 in ms of " + SAMPLES + " sequential requests with tenant A's token, each a little different, "
                + "client on the same machine; pages of 100. Pages by $skiptoken: from a walk of every page from "
                + "the first by @odata.nextLink. \"A with B\": after as many statuses of tenant B were loaded, under an "
                + "app with the same id. Ratio: with B / alone, of the medians. graph.query.timeout 30 s. H2 was stopped "
                + "for B's load and started again (it locks its file); PostgreSQL's server ran on.\n");
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
