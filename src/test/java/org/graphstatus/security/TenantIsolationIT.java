package org.graphstatus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants on one deployment: each token reaches only its own tenant's apps, user statuses and statuses.
 * Every route, batch included, answers 404 to another tenant's ids and changes nothing; lists and counts
 * hold only the caller's rows. Each test makes tenants of its own, so rows of other tests cannot blur them.
 */
class TenantIsolationIT extends DeployedService {

    static final String STATUS = """
            {"deviceName":"laptop","installState":"installed","installStateDetail":"noAdditionalDetails",
             "mobileAppInstallStatusValue":"installed","lastSyncDateTime":"2026-01-01T00:00:00Z","errorCode":0}""";

    String tenantB;
    GraphClient a;
    GraphClient b;
    String app;
    String user;
    String appStatus;
    String userStatus;

    @BeforeEach
    void tenantAHasOneOfEach() {
        a = graph.as(token(UUID.randomUUID().toString()));
        tenantB = UUID.randomUUID().toString();
        b = graph.as(token(tenantB));
        app = a.newApp();
        user = a.newUserStatus(app);
        appStatus = created(a.post(Routes.deviceStatuses(app), STATUS));
        userStatus = created(a.post(Routes.deviceStatuses(app, user), STATUS));
    }

    @Test
    void anotherTenantsIdsAreNotFoundOnEveryRouteAndNothingChanges() {
        Map<String, String> before = everythingOfA();
        String patchApp = "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"taken\"}";
        String patchUser = "{\"userName\":\"taken\"}";
        String patchStatus = "{\"deviceName\":\"taken\"}";
        List<Answer> answers = new ArrayList<>();
        for (String path : List.of(Routes.app(app), Routes.userStatuses(app), Routes.userStatuses(app) + "/$count",
                Routes.userStatus(app, user), Routes.userStatus(app, user) + "/app", Routes.installSummary(app),
                Routes.deviceStatuses(app), Routes.deviceStatuses(app) + "/$count", Routes.deviceStatus(app, appStatus),
                Routes.deviceStatus(app, appStatus) + "/app", Routes.deviceStatuses(app, user),
                Routes.deviceStatuses(app, user) + "/$count", Routes.deviceStatuses(app, user) + "/" + userStatus,
                Routes.deviceStatus(app, userStatus))) {
            answers.add(b.get(path));
        }
        answers.add(b.patch(Routes.app(app), patchApp));
        answers.add(b.patch(Routes.userStatus(app, user), patchUser));
        answers.add(b.patch(Routes.deviceStatus(app, appStatus), patchStatus));
        answers.add(b.patch(Routes.deviceStatuses(app, user) + "/" + userStatus, patchStatus));
        answers.add(b.post(Routes.userStatuses(app), patchUser));
        answers.add(b.post(Routes.deviceStatuses(app), STATUS));
        answers.add(b.post(Routes.deviceStatuses(app, user), STATUS));
        answers.add(b.delete(Routes.deviceStatuses(app, user) + "/" + userStatus));
        answers.add(b.delete(Routes.deviceStatus(app, appStatus)));
        answers.add(b.delete(Routes.userStatus(app, user)));
        answers.add(b.delete(Routes.app(app)));

        for (Answer answer : answers) {
            String request = answer.response().request().method() + " " + answer.response().uri();
            assertEquals(404, answer.status(), request + ": " + answer.body());
            assertEquals("ResourceNotFound", answer.errorCode(), request);
        }
        assertEquals(before, everythingOfA(), "tenant A's rows as they were");
    }

    @Test
    void aBatchFromAnotherTenantFindsNothingEither() {
        Map<String, String> before = everythingOfA();
        var requests = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "1").add("method", "GET").add("url", "/" + Routes.app(app)))
                .add(Json.createObjectBuilder().add("id", "2").add("method", "GET")
                        .add("url", "/" + Routes.deviceStatuses(app)))
                .add(Json.createObjectBuilder().add("id", "3").add("method", "POST")
                        .add("url", "/" + Routes.deviceStatuses(app, user))
                        .add("headers", Json.createObjectBuilder().add("Content-Type", "application/json"))
                        .add("body", Json.createReader(new StringReader(STATUS)).readObject()))
                .add(Json.createObjectBuilder().add("id", "4").add("method", "DELETE")
                        .add("url", "/" + Routes.deviceStatus(app, appStatus)))
                .add(Json.createObjectBuilder().add("id", "5").add("method", "DELETE").add("url", "/" + Routes.app(app)));
        String body = Json.createObjectBuilder().add("requests", requests).build().toString();
        Answer batch = GraphClient.send(GraphClient.request(graph.uri("$batch"), token(tenantB))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));

        assertEquals(200, batch.status(), batch.body());
        Map<String, Integer> statuses = batch.json().getJsonArray("responses").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(answer -> answer.getString("id"), answer -> answer.getInt("status")));
        assertEquals(Map.of("1", 404, "2", 404, "3", 404, "4", 404, "5", 404), statuses, batch.body());
        assertEquals(before, everythingOfA(), "tenant A's rows as they were");
    }

    @Test
    void listsAndCountsHoldOnlyTheCallersRows() {
        String appOfB = b.newApp();
        String statusOfB = created(b.post(Routes.deviceStatuses(appOfB), STATUS));

        assertEquals(Set.of(app), ids(a.all(Routes.APPS)));
        assertEquals(Set.of(appOfB), ids(b.all(Routes.APPS)));
        assertEquals("1", a.get(Routes.APPS + "/$count").body());
        assertEquals(1, a.get(Routes.APPS + "?$count=true").json().getInt("@odata.count"));
        assertEquals(Set.of(appStatus, userStatus), ids(a.all(Routes.deviceStatuses(app))));
        assertEquals(Set.of(statusOfB), ids(b.all(Routes.deviceStatuses(appOfB))));
        assertEquals(1, b.get(Routes.installSummary(appOfB)).json().getInt("installedDeviceCount"));
        assertEquals(2, a.get(Routes.installSummary(app)).json().getInt("installedDeviceCount"));
        // the same filter from each tenant: each sees its own app only
        assertEquals(Set.of(app), ids(a.all(Routes.APPS + "?$filter=displayName%20eq%20'Test%20app'")));
        assertEquals(Set.of(appOfB), ids(b.all(Routes.APPS + "?$filter=displayName%20eq%20'Test%20app'")));
    }

    @Test
    void aTokenWithoutTidUsesTheDefaultTenant() {
        GraphClient development = graph.as(Tokens.sign(Tokens.claims(claims -> claims.claim("tid", null)
                .claim("scp", Tokens.READ_WRITE)), Tokens.developmentKey()));
        String appOfDefault = development.newApp();

        assertEquals(200, graph.as(Tokens.sign(Tokens.claims(claims -> claims.claim("tid", Tenants.DEFAULT)
                .claim("scp", Tokens.READ_WRITE)), Tokens.developmentKey())).get(Routes.app(appOfDefault)).status(),
                "the default tenant's token reaches it");
        assertEquals(404, development.get(Routes.app(app)).status(), "not tenant A's");
        assertEquals(404, a.get(Routes.app(appOfDefault)).status(), "nor A the default tenant's");
    }

    @Test
    void twoTenantsWritingAtOnceEachFindExactlyTheirOwn() throws Exception {
        String appOfB = b.newApp();
        int perTenant = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> creates = new ArrayList<>();
            for (int i = 0; i < perTenant; i++) {
                creates.add(pool.submit(() -> created(a.post(Routes.deviceStatuses(app, user), STATUS))));
                creates.add(pool.submit(() -> created(b.post(Routes.deviceStatuses(appOfB), STATUS))));
            }
            for (Future<String> create : creates) {
                create.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(perTenant + 2, a.all(Routes.deviceStatuses(app)).size());
        assertEquals(perTenant, b.all(Routes.deviceStatuses(appOfB)).size());
        assertEquals(String.valueOf(perTenant + 1), a.get(Routes.deviceStatuses(app, user) + "/$count").body());
    }

    /** Every row of tenant A, as A reads it (JSON by path), to compare before and after. */
    private Map<String, String> everythingOfA() {
        Map<String, String> rows = new HashMap<>();
        for (String path : List.of(Routes.app(app), Routes.userStatus(app, user), Routes.deviceStatus(app, appStatus),
                Routes.deviceStatus(app, userStatus), Routes.installSummary(app))) {
            Answer answer = a.get(path);
            assertEquals(200, answer.status(), path + ": " + answer.body());
            rows.put(path, answer.body());
        }
        rows.put("statuses", ids(a.all(Routes.deviceStatuses(app))).toString());
        rows.put("users", ids(a.all(Routes.userStatuses(app))).toString());
        return rows;
    }

    private static String created(Answer answer) {
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("id");
    }

    private static Set<String> ids(List<JsonObject> entities) {
        Set<String> ids = entities.stream().map(entity -> entity.getString("id")).collect(Collectors.toSet());
        assertEquals(entities.size(), ids.size(), "no entity twice");
        return ids;
    }

    /** A read-write token of the tenant. */
    private static String token(String tenant) {
        return Tokens.sign(Tokens.claims(claims -> claims.claim("tid", tenant).claim("scp", Tokens.READ_WRITE)),
                Tokens.developmentKey());
    }
}
