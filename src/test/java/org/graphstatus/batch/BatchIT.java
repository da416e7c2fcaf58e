package org.graphstatus.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /beta/$batch}: Graph's JSON batching, each request answered as it would be alone. */
class BatchIT extends DeployedService {

    static final String GRAPH_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    static final String READ_WRITE = Tokens.delegated(Tokens.READ_WRITE);

    String app;
    String statuses;

    @BeforeEach
    void newApp() {
        app = graph.newApp();
        statuses = Routes.deviceStatuses(app);
    }

    @Test
    void mixesCreatesOnBothRoutesAFilteredReadAPatchAndADelete() {
        String user = graph.newUserStatus(app);
        String keep = newStatus("Keep");
        String patched = newStatus("Patched");
        String doomed = newStatus("Doomed");
        String filtered = statuses + "?$filter=deviceName eq 'Keep'&$select=deviceName,installState";

        Answer batch = batch(READ_WRITE, null,
                request("1", "POST", "/" + statuses).add("headers", json()).add("body", status("Batch A")),
                request("2", "POST", Routes.deviceStatuses(app, user))
                        .add("headers", json()).add("body", status("Batch B")),
                request("3", "GET", "/" + filtered),
                request("4", "PATCH", "/" + statuses + "/" + patched).add("headers", json())
                        .add("body", Json.createObjectBuilder().add("installState", "installed")),
                request("5", "DELETE", "/" + statuses + "/" + doomed));

        assertEquals(200, batch.status(), batch.body());
        Map<String, JsonObject> answers = byId(batch);
        assertEquals(Set.of("1", "2", "3", "4", "5"), answers.keySet());

        JsonObject created = answers.get("1");
        assertEquals(201, created.getInt("status"), created.toString());
        String id = created.getJsonObject("body").getString("id");
        assertEquals(graph.uri(statuses + "/" + id).toString(), header(created, "Location"));
        assertEquals(GRAPH_JSON, header(created, "Content-Type"));
        assertEquals("4.0", header(created, "OData-Version"));
        assertEquals(graph.get(statuses + "/" + id).json(), created.getJsonObject("body"), "stored as answered");
        assertEquals(graph.uri("").toString() + "$metadata#deviceAppManagement/mobileApps('" + app + "')/deviceStatuses/$entity",
                created.getJsonObject("body").getString("@odata.context"));

        JsonObject underUser = answers.get("2");
        assertEquals(201, underUser.getInt("status"), underUser.toString());
        assertEquals(200, graph.get(Routes.userStatus(app, user) + "/deviceStatuses/"
                + underUser.getJsonObject("body").getString("id")).status());

        JsonObject read = answers.get("3");
        assertEquals(200, read.getInt("status"), read.toString());
        assertEquals(graph.get(encoded(filtered)).json(), read.getJsonObject("body"), "what the GET alone answers");
        assertEquals(keep, read.getJsonObject("body").getJsonArray("value").getJsonObject(0).getString("id"));

        assertEquals(200, answers.get("4").getInt("status"), answers.get("4").toString());
        assertEquals("installed", graph.get(statuses + "/" + patched).json().getString("installState"));

        JsonObject deleted = answers.get("5");
        assertEquals(204, deleted.getInt("status"), deleted.toString());
        assertFalse(deleted.containsKey("body"));
        assertEquals(404, graph.get(statuses + "/" + doomed).status());

        Set<String> requestIds = new HashSet<>();
        answers.values().forEach(answer -> requestIds.add(header(answer, "request-id")));
        requestIds.add(batch.header("request-id"));
        assertEquals(6, requestIds.size(), "each request and the batch have a request-id of their own");
    }

    @Test
    void runsADependencyChainInOrder() {
        Answer batch = batch(READ_WRITE, null,
                request("create 1", "POST", statuses).add("headers", json()).add("body", status("First")),
                request("count 1", "GET", statuses + "/$count").add("dependsOn", ids("create 1")),
                request("create 2", "POST", statuses).add("headers", json()).add("body", status("Second"))
                        .add("dependsOn", ids("count 1")),
                request("count 2", "GET", statuses + "/$count").add("dependsOn", ids("create 2")));

        Map<String, JsonObject> answers = byId(batch);
        assertEquals(201, answers.get("create 1").getInt("status"));
        assertEquals("1", answers.get("count 1").getString("body"), "text/plain comes back as a string");
        assertEquals(201, answers.get("create 2").getInt("status"));
        assertEquals("2", answers.get("count 2").getString("body"));
    }

    @Test
    void doesNotRunWhatDependsOnAFailedRequest() {
        Answer batch = batch(READ_WRITE, null,
                request("1", "PATCH", statuses + "/" + UUID.randomUUID()).add("headers", json())
                        .add("body", Json.createObjectBuilder().add("installState", "installed")),
                request("2", "POST", statuses).add("headers", json()).add("body", status("After a failure"))
                        .add("dependsOn", ids("1")),
                request("3", "POST", statuses).add("headers", json()).add("body", status("After a 424"))
                        .add("dependsOn", ids("2")),
                request("4", "POST", statuses).add("headers", json()).add("body", status("Independent")));

        Map<String, JsonObject> answers = byId(batch);
        assertEquals(404, answers.get("1").getInt("status"));
        assertEquals("ResourceNotFound", answers.get("1").getJsonObject("body").getJsonObject("error").getString("code"));
        for (String id : List.of("2", "3")) {
            assertEquals(424, answers.get(id).getInt("status"), answers.get(id).toString());
            assertEquals("FailedDependency", answers.get(id).getJsonObject("body").getJsonObject("error").getString("code"));
        }
        assertEquals(201, answers.get("4").getInt("status"));
        assertEquals(List.of("Independent"), deviceNames(), "only the request that ran is stored");
    }

    @Test
    void refusesMoreThanTwentyRequests() {
        JsonObjectBuilder[] requests = IntStream.rangeClosed(1, 21)
                .mapToObj(i -> request(String.valueOf(i), "POST", statuses).add("headers", json()).add("body", status("Device " + i)))
                .toArray(JsonObjectBuilder[]::new);

        Answer batch = batch(READ_WRITE, null, requests);

        assertEquals(400, batch.status(), batch.body());
        assertEquals("BadRequest", batch.errorCode());
        assertTrue(batch.errorMessage().contains("the limit is 20"), batch.errorMessage());
        assertEquals(List.of(), deviceNames(), "none of the 21 ran");
    }

    @Test
    void refusesDuplicateIdsUnknownDependenciesAndCycles() {
        List<JsonObjectBuilder[]> refused = List.of(
                new JsonObjectBuilder[] {create("1"), create("1")},
                new JsonObjectBuilder[] {create("1"), create("2").add("dependsOn", ids("3"))},
                new JsonObjectBuilder[] {create("1").add("dependsOn", ids("2")), create("2").add("dependsOn", ids("1"))});
        for (JsonObjectBuilder[] requests : refused) {
            Answer batch = batch(READ_WRITE, null, requests);
            assertEquals(400, batch.status(), batch.body());
            assertEquals("BadRequest", batch.errorCode());
        }
        assertEquals(List.of(), deviceNames(), "nothing of a refused batch ran");
    }

    @Test
    void authorizesEachRequestOnItsOwn() {
        String existing = newStatus("Existing");

        Answer batch = batch(Tokens.delegated(Tokens.READ), null,
                create("create"),
                request("get", "GET", statuses + "/" + existing),
                request("delete", "DELETE", statuses + "/" + existing),
                request("list", "GET", statuses));

        assertEquals(200, batch.status(), batch.body());
        Map<String, JsonObject> answers = byId(batch);
        for (String write : List.of("create", "delete")) {
            assertEquals(403, answers.get(write).getInt("status"), answers.get(write).toString());
            JsonObject error = answers.get(write).getJsonObject("body").getJsonObject("error");
            assertEquals("Forbidden", error.getString("code"));
            assertTrue(error.getString("message").contains(Tokens.READ_WRITE), error.getString("message"));
        }
        assertEquals(200, answers.get("get").getInt("status"));
        assertEquals(200, answers.get("list").getInt("status"));
        assertEquals(List.of("Existing"), deviceNames(), "the writes did nothing");
    }

    @Test
    void refusesABadRequestAloneAndStoresItsNeighbours() {
        JsonObject bad = Json.createObjectBuilder(status("Bad").build()).add("deviceColour", "red").build();

        Answer batch = batch(READ_WRITE, null, create("before"),
                request("bad", "POST", statuses).add("headers", json()).add("body", bad), create("after"));

        Map<String, JsonObject> answers = byId(batch);
        assertEquals(201, answers.get("before").getInt("status"));
        assertEquals(201, answers.get("after").getInt("status"));
        JsonObject refused = answers.get("bad");
        assertEquals(400, refused.getInt("status"));
        JsonObject error = refused.getJsonObject("body").getJsonObject("error");
        assertEquals(graph.post(statuses, bad.toString()).errorMessage(), error.getString("message"), "as when sent alone");
        assertEquals(header(refused, "request-id"), error.getJsonObject("innerError").getString("request-id"));
        assertEquals(List.of("Device after", "Device before"), deviceNames());
    }

    /** A path Graph cannot follow is the request's own 400, as alone: a version in the url is not skipped. */
    @Test
    void answersAnUnknownSegmentInItsSlot() {
        Answer batch = batch(READ_WRITE, null, request("1", "GET", "/beta/" + statuses), request("2", "GET", statuses));

        Map<String, JsonObject> answers = byId(batch);
        assertEquals(400, answers.get("1").getInt("status"));
        assertEquals("Resource not found for the segment 'beta'.",
                answers.get("1").getJsonObject("body").getJsonObject("error").getString("message"));
        assertEquals(200, answers.get("2").getInt("status"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                                           | 400",
        "[]                                                                 | 400",
        "{}                                                                 | 400",
        "{\"requests\": {}}                                                 | 400",
        "{\"requests\": []}                                                 | 400",
        "{\"requests\": [1]}                                                | 400",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\"}]}             | 400",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"http://example.test/beta/x\"}]} | 400",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"../health\"}]}     | 400",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"/$batch\"}]}       | 400",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"TRACE\", \"url\": \"/x\"}]}          | 400",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"POST\", \"url\": \"/x\", \"body\": {}}]} | 400",
        "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"/x\", \"dependson\": [\"1\"]}]} | 400",
    })
    void refusesABrokenEnvelope(String body, int status) {
        Answer batch = GraphClient.send(GraphClient.request(graph.uri("$batch"), READ_WRITE)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));

        assertEquals(status, batch.status(), batch.body());
        assertEquals("BadRequest", batch.errorCode());
        assertEquals(batch.header("request-id"), batch.json().getJsonObject("error").getJsonObject("innerError").getString("request-id"));
    }

    @Test
    void refusesABatchOverTheBodyLimit() {
        String large = "x".repeat(4 * 1024 * 1024);
        Answer batch = batch(READ_WRITE, null, request("1", "POST", statuses).add("headers", json())
                .add("body", Json.createObjectBuilder().add("deviceName", large)));

        assertEquals(413, batch.status());
        assertEquals("RequestEntityTooLarge", batch.errorCode());
    }

    @Test
    void refusesABatchWithoutAValidToken() {
        for (String token : new String[] {null, READ_WRITE.substring(0, READ_WRITE.length() - 4) + "AAAA"}) {
            Answer batch = batch(token, null, create("1"));
            assertEquals(401, batch.status(), batch.body());
            assertEquals("InvalidAuthenticationToken", batch.errorCode());
            assertTrue(batch.header("WWW-Authenticate").startsWith("Bearer"));
        }
        assertEquals(List.of(), deviceNames());
    }

    /** A batch whose token has no permission at all runs, and each request answers 403 on its own. */
    @Test
    void needsNoPermissionForTheBatchItself() {
        Answer batch = batch(Tokens.delegated("User.Read"), null, request("1", "GET", statuses));

        assertEquals(200, batch.status(), batch.body());
        assertEquals(403, byId(batch).get("1").getInt("status"));
    }

    @Test
    void passesTheClientRequestIdOn() {
        String mine = UUID.randomUUID().toString();
        String own = UUID.randomUUID().toString();

        Answer batch = batch(READ_WRITE, mine, request("1", "GET", statuses),
                request("2", "GET", statuses).add("headers", Json.createObjectBuilder().add("client-request-id", own)));

        assertEquals(mine, batch.header("client-request-id"));
        assertEquals(mine, header(byId(batch).get("1"), "client-request-id"));
        assertEquals(own, header(byId(batch).get("2"), "client-request-id"));
    }

    /**
     * The server sends each request to its own listener's address; URLs in the answers still name the host the
     * client used, as they would have alone, and a nextLink from a batch can be followed.
     */
    @Test
    void answersWithTheBaseTheClientUsed() {
        newStatus("One");
        newStatus("Two");
        URI base = graph.uri("");
        URI localhost = URI.create(base.getScheme() + "://localhost:" + base.getPort() + base.getPath());

        Answer batch = GraphClient.send(GraphClient.request(localhost.resolve("$batch"), READ_WRITE)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(envelope(request("page", "GET", statuses + "?$top=1"), create("create")).toString())));

        assertEquals(200, batch.status(), batch.body());
        JsonObject page = byId(batch).get("page").getJsonObject("body");
        assertTrue(page.getString("@odata.context").startsWith(localhost + "$metadata#"), page.toString());
        String next = page.getString("@odata.nextLink");
        assertTrue(next.startsWith(localhost.resolve(statuses).toString()), next);
        assertTrue(header(byId(batch).get("create"), "Location").startsWith(localhost.resolve(statuses) + "/"));
        Answer followed = GraphClient.send(GraphClient.request(URI.create(next), READ_WRITE).GET());
        assertEquals(200, followed.status(), followed.body());
        assertEquals(1, followed.json().getJsonArray("value").size());
    }

    private Answer batch(String token, String clientRequestId, JsonObjectBuilder... requests) {
        var request = GraphClient.request(graph.uri("$batch"), token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(envelope(requests).toString()));
        if (clientRequestId != null) {
            request.header("client-request-id", clientRequestId);
        }
        return GraphClient.send(request);
    }

    private static JsonObject envelope(JsonObjectBuilder... requests) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObjectBuilder request : requests) {
            array.add(request);
        }
        return Json.createObjectBuilder().add("requests", array).build();
    }

    private static JsonObjectBuilder request(String id, String method, String url) {
        return Json.createObjectBuilder().add("id", id).add("method", method).add("url", url);
    }

    private JsonObjectBuilder create(String id) {
        return request(id, "POST", statuses).add("headers", json()).add("body", status("Device " + id));
    }

    private static JsonObjectBuilder json() {
        return Json.createObjectBuilder().add("Content-Type", "application/json");
    }

    private static JsonArrayBuilder ids(String... ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String id : ids) {
            array.add(id);
        }
        return array;
    }

    private static JsonObjectBuilder status(String deviceName) {
        return Json.createObjectBuilder().add("@odata.type", "#microsoft.graph.mobileAppInstallStatus")
                .add("deviceName", deviceName).add("installState", "failed").add("errorCode", 9);
    }

    private String newStatus(String deviceName) {
        Answer created = graph.post(statuses, status(deviceName).build().toString());
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    /** The app's device statuses by name, sorted. */
    private List<String> deviceNames() {
        return graph.all(statuses + "?$orderby=deviceName").stream().map(s -> s.getString("deviceName")).toList();
    }

    private static Map<String, JsonObject> byId(Answer batch) {
        assertEquals(200, batch.status(), batch.body());
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        batch.json().getJsonArray("responses").getValuesAs(JsonObject.class)
                .forEach(answer -> assertEquals(null, answers.put(answer.getString("id"), answer), "one answer per id"));
        return answers;
    }

    private static String header(JsonObject answer, String name) {
        return answer.getJsonObject("headers").getString(name, null);
    }

    private static String encoded(String url) {
        String[] parts = url.split("\\?", 2);
        StringBuilder query = new StringBuilder();
        for (String option : parts[1].split("&")) {
            String[] pair = option.split("=", 2);
            query.append(query.length() == 0 ? "?" : "&").append(pair[0]).append('=')
                    .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return parts[0] + query;
    }
}
