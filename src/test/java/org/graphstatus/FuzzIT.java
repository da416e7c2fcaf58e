package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated bodies and {@code $filter} strings against one deployment, from a fixed seed: whatever
 * arrives, the answer is never a 5xx, always Graph's envelope when it is an error, and a refused create
 * stores nothing. {@code -Dfuzz.seed=N -Dfuzz.iterations=N} runs another or a longer one (README).
 */
class FuzzIT extends DeployedService {

    static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 1500);

    static final List<String> VALID_BODIES = List.of(
            "{\"deviceName\":\"laptop\",\"installState\":\"failed\",\"errorCode\":9}",
            "{\"@odata.type\":\"#microsoft.graph.mobileAppInstallStatus\",\"lastSyncDateTime\":\"2017-01-01T00:02:49.3205976-08:00\","
                    + "\"installStateDetail\":\"seeInstallErrorCode\",\"mobileAppInstallStatusValue\":\"installed\"}",
            "{\"userPrincipalName\":\"ann@contoso.example\",\"osVersion\":\"10.0\",\"displayVersion\":\"1.2.3\"}");
    static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "-0", "1e309",
            "2147483648", "\"\\u0000\"", "\"\\ud800\"", "\"deviceName\"", "\"errorCode\"", "\"installState\"", "\"@odata.type\"",
            "\"lastSyncDateTime\"", "\"2017-13-45T99:99:99Z\"", "\"日本語\"", "\\", "/*", "'", "\u0000", "\t", " ");
    static final List<String> FILTER_WORDS = List.of("deviceName", "errorCode", "installState", "lastSyncDateTime",
            "installStateDetail", "id", "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "(", ")", ",", "'x'",
            "''''", "'a''b'", "null", "true", "1", "-1", "99999999999", "1.5", "2017-01-01T00:00:00Z", "startswith",
            "contains", "endswith", "'failed'", "microsoft.graph.resultantAppState'failed'", "'\u0000'", "%", "$", "@",
            "'日本'", "\\", ";", "--");

    @Test
    void noInputIsA5xxAndNoRefusedCreateIsStored() {
        var random = new Random(SEED);
        String app = graph.newApp();
        String user = graph.newUserStatus(app);
        String[] routes = {Routes.deviceStatuses(app), Routes.deviceStatuses(app, user)};
        int created = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String route = routes[random.nextInt(routes.length)];
            Answer answer;
            String input;
            if (random.nextInt(3) == 0) {
                input = filter(random);
                answer = graph.get(route + "?$filter=" + URLEncoder.encode(input, StandardCharsets.UTF_8).replace("+", "%20"));
            } else {
                byte[] body = body(random);
                input = new String(body, StandardCharsets.UTF_8);
                answer = GraphClient.send(GraphClient.request(graph.uri(route), Tokens.delegated(Tokens.READ_WRITE))
                        .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)));
                if (answer.status() == 201) {
                    created++;
                }
            }
            String seen = "seed " + SEED + ", iteration " + i + ", input " + input + " → " + answer.status() + " " + answer.body();
            assertTrue(answer.status() < 500, seen);
            if (answer.status() >= 400) {
                JsonObject error = answer.json().getJsonObject("error");
                assertTrue(error.containsKey("code") && error.containsKey("message") && error.containsKey("innerError"), seen);
            }
        }
        assertEquals(created, graph.all(routes[0]).size(), "the app holds exactly the statuses answered 201");
        System.out.printf("fuzz: seed %d, %d inputs, %d stored%n", SEED, ITERATIONS, created);
    }

    /** A valid body, mutated: bytes flipped, cut, repeated, fragments spliced in, or random bytes. */
    static byte[] body(Random random) {
        byte[] body = VALID_BODIES.get(random.nextInt(VALID_BODIES.size())).getBytes(StandardCharsets.UTF_8);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            if (body.length == 0) {
                body = new byte[] {'{'};
            }
            switch (random.nextInt(5)) {
                case 0 -> body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                case 1 -> body = java.util.Arrays.copyOf(body, Math.max(1, random.nextInt(body.length)));
                case 2 -> {
                    String text = new String(body, StandardCharsets.UTF_8);
                    int at = random.nextInt(text.length() + 1);
                    body = (text.substring(0, at) + FRAGMENTS.get(random.nextInt(FRAGMENTS.size())) + text.substring(at))
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 3 -> body = ("[".repeat(random.nextInt(200)) + new String(body, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                default -> {
                    body = new byte[random.nextInt(64)];
                    random.nextBytes(body);
                }
            }
        }
        return body;
    }

    /** Words of the $filter grammar in random order and number, sometimes a valid comparison. */
    static String filter(Random random) {
        var filter = new StringBuilder();
        int words = 1 + random.nextInt(8);
        for (int w = 0; w < words; w++) {
            filter.append(FILTER_WORDS.get(random.nextInt(FILTER_WORDS.size()))).append(random.nextBoolean() ? " " : "");
        }
        return filter.toString();
    }
}
