import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipInputStream;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.PayaraProcess;

/**
 * The reports at scale on PostgreSQL: ScaleBench's load (N statuses under one app of tenant A, in SQL), a
 * server as the README starts it (default query timeout, its -Xmx), then the report actions timed with the
 * bodies clients send (pages of 50 at skips up to 10,000, with and without a filter and an order, the
 * overview and the apps' summary), each answer's TotalRowCount checked; then an export job of the whole
 * app: how long until it completes, the ZIP's size, the download read as a stream with its rows counted,
 * and the server's used heap sampled from /metrics every 200 ms meanwhile.
 */
public class ReportsScaleBench {

    static final int SAMPLES = 11;
    static final String REPORTS = "deviceManagement/reports/";

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows");
        String database = "graph_reports_scale_" + UUID.randomUUID().toString().substring(0, 8);
        if (!ScaleBench.execute(ScaleBench.pgUrl("postgres"), "CREATE DATABASE " + database)) {
            throw new IllegalStateException("this bench needs PostgreSQL");
        }
        try {
            ScaleBench.load("postgresql", ScaleBench.pgUrl(database), ScaleBench.TENANT_A, rows);
            System.setProperty("graph.postboot", Path.of("server-config", "postgresql.asadmin").toAbsolutePath().toString());
            try (var server = PayaraProcess.start(Path.of("target", "bench-reports-scale"), "ReportsScaleBench",
                    PayaraProcess.freePort(), Map.of("PGDATABASE", database))) {
                GraphClient graph = server.graph().as(ScaleBench.token(ScaleBench.TENANT_A));
                print(rows, reports(graph, rows), export(graph, rows));
            }
        } finally {
            ScaleBench.execute(ScaleBench.pgUrl("postgres"), "DROP DATABASE IF EXISTS " + database);
        }
    }

    /** Each report request SAMPLES times (after three untimed), its TotalRowCount checked: median and p90 in ms. */
    static Map<String, double[]> reports(GraphClient graph, int rows) {
        String app = "(ApplicationId eq '" + ScaleBench.APP + "')";
        String failed = "((InstallState eq '2') or (InstallState eq '3')) and " + app;
        var requests = new LinkedHashMap<String, String[]>(); // name -> action, body, expected TotalRowCount
        for (int skip : List.of(0, 1_000, 10_000)) {
            requests.put("devices, top 50, skip " + skip, new String[] {"getDeviceInstallStatusReport",
                    "{\"filter\":\"" + app + "\",\"top\":50,\"skip\":" + skip + "}", String.valueOf(rows)});
        }
        requests.put("devices failed or not installed (Patch My PC's kind of filter), skip 10000", new String[] {
                "getDeviceInstallStatusReport", "{\"filter\":\"" + failed + "\",\"top\":50,\"skip\":10000}", String.valueOf(rows / 2)});
        requests.put("devices ordered by DeviceName desc, skip 10000", new String[] {"getDeviceInstallStatusReport",
                "{\"filter\":\"" + app + "\",\"orderBy\":[\"DeviceName desc\"],\"top\":50,\"skip\":10000}", String.valueOf(rows)});
        requests.put("devices, the admin center's 16 columns, top 999", new String[] {"retrieveDeviceAppInstallationStatusReport",
                "{\"select\":[\"DeviceName\",\"UserPrincipalName\",\"Platform\",\"AppVersion\",\"InstallState\",\"InstallStateDetail\","
                        + "\"LastModifiedDateTime\",\"DeviceId\",\"ErrorCode\",\"UserName\",\"UserId\",\"ApplicationId\",\"AppInstallState\","
                        + "\"AppInstallStateDetails\",\"HexErrorCode\"],\"filter\":\"" + app + "\",\"top\":999,\"skip\":0}", String.valueOf(rows)});
        requests.put("app status overview (counts every status)", new String[] {"getAppStatusOverviewReport",
                "{\"filter\":\"" + app + "\"}", "1"});
        requests.put("apps install summary (groups every status of the tenant)", new String[] {"getAppsInstallSummaryReport",
                "{\"filter\":\"(FailedDeviceCount gt '0')\",\"orderBy\":[\"FailedDeviceCount desc\"],\"top\":10}", "1"});
        var results = new LinkedHashMap<String, double[]>();
        requests.forEach((name, request) -> {
            var samples = new ArrayList<Double>();
            for (int i = -3; i < SAMPLES; i++) {
                long started = System.nanoTime();
                GraphClient.Answer answer = graph.post(REPORTS + request[0], request[1]);
                double millis = (System.nanoTime() - started) / 1e6;
                if (answer.status() != 200) {
                    throw new IllegalStateException(name + ": " + answer.status() + " " + answer.body());
                }
                long total = Json.createReader(new StringReader(answer.body())).readObject().getJsonNumber("TotalRowCount").longValue();
                if (total != Long.parseLong(request[2])) {
                    throw new IllegalStateException(name + ": TotalRowCount " + total + ", not " + request[2]);
                }
                if (i >= 0) {
                    samples.add(millis);
                }
            }
            results.put(name, ScaleBench.stats(samples));
            System.err.printf("%s: %.1f ms median%n", name, results.get(name)[0]);
        });
        return results;
    }

    record Export(double seconds, long zipBytes, double downloadSeconds, long csvLines, long heapBefore, long heapMax, long heapLimit) {
    }

    /** The whole app exported as Microsoft's sample asks, the heap sampled until the download is read. */
    static Export export(GraphClient graph, int rows) throws Exception {
        System.gc();
        long heapBefore = heap(graph, "memory_usedHeap_bytes");
        long heapLimit = heap(graph, "memory_maxHeap_bytes");
        var heapMax = new AtomicLong(heapBefore);
        var sampling = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heapMax.accumulateAndGet(heap(graph, "memory_usedHeap_bytes"), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampling.setDaemon(true);
        sampling.start();
        try {
            long started = System.nanoTime();
            GraphClient.Answer created = graph.post(REPORTS + "exportJobs", "{\"reportName\":\"DeviceInstallStatusByApp\","
                    + "\"filter\":\"(ApplicationId eq '" + ScaleBench.APP + "')\",\"format\":\"csv\"}");
            if (created.status() != 201) {
                throw new IllegalStateException("export: " + created.status() + " " + created.body());
            }
            String id = created.json().getString("id");
            JsonObject job;
            do {
                Thread.sleep(1000);
                job = graph.get(REPORTS + "exportJobs('" + id + "')").json();
            } while (job.getString("status").equals("inProgress"));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!job.getString("status").equals("completed")) {
                throw new IllegalStateException("export: " + job);
            }
            long downloadStarted = System.nanoTime();
            HttpResponse<InputStream> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(job.getString("url")))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            long zipBytes = zip.headers().firstValueAsLong("Content-Length").orElse(-1);
            long lines = 0;
            try (var entries = new ZipInputStream(zip.body())) {
                if (!entries.getNextEntry().getName().equals(id + ".csv")) {
                    throw new IllegalStateException("the ZIP's file is not " + id + ".csv");
                }
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = entries.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            if (lines != rows + 1) {
                throw new IllegalStateException("the CSV has " + lines + " lines, not a header and " + rows + " rows");
            }
            return new Export(seconds, zipBytes, (System.nanoTime() - downloadStarted) / 1e9, lines, heapBefore, heapMax.get(), heapLimit);
        } finally {
            sampling.interrupt();
            sampling.join();
        }
    }

    static long heap(GraphClient graph, String metric) {
        String metrics = GraphClient.send(GraphClient.request(graph.rootUri("metrics"), null).setHeader("Accept", "text/plain").GET()).body();
        // MicroProfile Metrics 5 writes memory_usedHeap_bytes{mp_scope="base",}; older ones base_memory_usedHeap_bytes
        return metrics.lines().filter(line -> line.matches("(base_)?" + metric + "[{ ].*"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + metric + " in /metrics"));
    }

    static void print(int rows, Map<String, double[]> reports, Export export) {
        System.out.printf("# Reports at scale: %,d statuses under one app, PostgreSQL (%s)%n%n", rows, java.time.LocalDate.now());
        System.out.println("Median / p90 in ms of " + SAMPLES + " sequential requests with tenant A's token (after three untimed), "
                + "client on the same machine, the server as the README starts it (graph.query.timeout 5 s, -Xmx from "
                + "server-config/jvm.options). Every answer's TotalRowCount was checked.\n");
        System.out.println("| request | ms |");
        System.out.println("|---|---|");
        reports.forEach((name, t) -> System.out.printf("| %s | %.1f / %.1f |%n", name, t[0], t[1]));
        System.out.printf("%n| export of the whole app (DeviceInstallStatusByApp, csv) | |%n|---|---|%n");
        System.out.printf("| POST to completed (polled every second) | %.1f s |%n", export.seconds());
        System.out.printf("| ZIP | %,d bytes |%n", export.zipBytes());
        System.out.printf("| download, read and unzipped as a stream | %.1f s, %,d lines (a header and %,d rows) |%n",
                export.downloadSeconds(), export.csvLines(), export.csvLines() - 1);
        System.out.printf("| server's used heap: before / most seen while exporting / limit | %,d / %,d / %,d MiB |%n",
                export.heapBefore() >> 20, export.heapMax() >> 20, export.heapLimit() >> 20);
    }
}
