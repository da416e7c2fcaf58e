package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.stream.Stream;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad request gets a Graph error (never HTML, never a 500, never a stack trace), and nothing is
 * stored: each case checks both collections stay empty afterwards.
 */
class RefusedRequestsIT extends DeployedService {

    String app;
    String user;

    @BeforeEach
    void newParents() {
        app = graph.newApp();
        user = graph.newUserStatus(app);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"deviceName\":", "not valid JSON"),
                Arguments.of("{\"deviceName\":\"a\"} trailing", "not valid JSON"),
                Arguments.of("[{\"deviceName\":\"a\"}]", "must be a JSON object, not an array"),
                Arguments.of("\"deviceName\"", "must be a JSON object, not a string"),
                Arguments.of("42", "must be a JSON object, not a number"),
                Arguments.of("null", "must be a JSON object, not null"),
                Arguments.of("{\"errorCode\":\"9\"}", "'errorCode'"),
                Arguments.of("{\"errorCode\":2147483648}", "'errorCode'"),
                Arguments.of("{\"errorCode\":-2147483649}", "'errorCode'"),
                Arguments.of("{\"errorCode\":9.5}", "'errorCode'"),
                Arguments.of("{\"errorCode\":null}", "'errorCode'"),
                Arguments.of("{\"deviceName\":5}", "'deviceName'"),
                Arguments.of("{\"deviceName\":true}", "'deviceName'"),
                Arguments.of("{\"deviceName\":{\"nested\":1}}", "'deviceName'"),
                Arguments.of("{\"deviceName\":\"" + "x".repeat(1001) + "\"}", "'deviceName'"),
                Arguments.of("{\"installState\":\"almostInstalled\"}", "'installState'"),
                Arguments.of("{\"installState\":\"Installed\"}", "'installState'"),
                Arguments.of("{\"mobileAppInstallStatusValue\":\"pending\"}", "'mobileAppInstallStatusValue'"),
                Arguments.of("{\"installStateDetail\":\"itDidNotWork\"}", "'installStateDetail'"),
                Arguments.of("{\"installState\":null}", "'installState'"),
                Arguments.of("{\"lastSyncDateTime\":\"yesterday\"}", "'lastSyncDateTime'"),
                Arguments.of("{\"lastSyncDateTime\":\"2017-01-01T00:02:49\"}", "'lastSyncDateTime'"),
                Arguments.of("{\"lastSyncDateTime\":\"2017-02-30T00:00:00Z\"}", "'lastSyncDateTime'"),
                Arguments.of("{\"lastSyncDateTime\":\"2017-01-01T00:02:49.3205976123456Z\"}", "'lastSyncDateTime'"),
                Arguments.of("{\"lastSyncDateTime\":1483257769}", "'lastSyncDateTime'"),
                Arguments.of("{\"deviceColour\":\"red\"}", "'deviceColour'"),
                Arguments.of("{\"@odata.type\":\"#microsoft.graph.webApp\"}", "@odata.type"),
                Arguments.of("{\"@odata.type\":42}", "@odata.type"),
                Arguments.of("{\"deviceName\":\"a\",\"deviceName\":\"b\"}", "Duplicate key 'deviceName'"),
                // PostgreSQL cannot store NUL in text: refused the same on both databases
                Arguments.of("{\"deviceName\":\"a\\u0000b\"}", "'deviceName'"),
                Arguments.of("{\"userPrincipalName\":\"\\u0000\"}", "'userPrincipalName'"),
                Arguments.of("{\"installState\":\"installed\\u0000\"}", "'installState'"),
                Arguments.of("{\"deviceName\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", "deeper than 64"),
                Arguments.of("[".repeat(100_000), "deeper than 64"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void aBadBodyOnTheAppRouteIs400AndStoresNothing(String body, String messageNames) {
        assertRefused(graph.post(Routes.deviceStatuses(app), body), 400, "BadRequest", messageNames);
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void aBadBodyOnTheUserRouteIs400AndStoresNothing(String body, String messageNames) {
        assertRefused(graph.post(Routes.deviceStatuses(app, user), body),
                400, "BadRequest", messageNames);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deviceStatuses", "userStatuses/{user}/deviceStatuses"})
    void bytesThatAreNotUtf8Are400NotReplacementCharacters(String route) {
        byte[] latin1 = "{\"deviceName\":\"l\u00e4ptop\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Answer answer = GraphClient.send(GraphClient.request(devices(route), Tokens.delegated(Tokens.READ_WRITE))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(latin1)));
        assertRefused(answer, 400, "BadRequest", "not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deviceStatuses", "userStatuses/{user}/deviceStatuses"})
    void anEmptyBodyIs400(String route) {
        Answer answer = GraphClient.send(GraphClient.request(devices(route), Tokens.delegated(Tokens.READ_WRITE))
                .header("Content-Type", "application/json").POST(BodyPublishers.noBody()));
        assertRefused(answer, 400, "BadRequest", "empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deviceStatuses", "userStatuses/{user}/deviceStatuses"})
    void aBodyOver4MiBIs413(String route) {
        String big = "{\"deviceName\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";
        assertRefused(graph.post(route.equals("deviceStatuses") ? Routes.deviceStatuses(app)
                : Routes.deviceStatuses(app, user), big), 413, "RequestEntityTooLarge", "4194304");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void aBodyThatIsNotJsonIs415(String contentType) {
        Answer answer = GraphClient.send(GraphClient.request(devices("deviceStatuses"), Tokens.delegated(Tokens.READ_WRITE))
                .header("Content-Type", contentType).POST(BodyPublishers.ofString("{}")));
        assertRefused(answer, 415, "UnsupportedMediaType", contentType);
    }

    @Test
    void anUnknownAppIs404OnEveryRoute() {
        String missing = "5e1f6f64-0000-4000-8000-000000000000";
        assertEquals(404, graph.post(Routes.deviceStatuses(missing), "{}").status());
        assertEquals(404, graph.get(Routes.deviceStatuses(missing)).status());
        assertEquals(404, graph.post(Routes.deviceStatuses(missing, user), "{}").status());
        assertRefused(graph.post(Routes.deviceStatuses(missing), "{}"), 404, "ResourceNotFound", missing);
    }

    @Test
    void anUnknownUserStatusIs404() {
        String missing = "5e1f6f64-0000-4000-8000-000000000001";
        assertRefused(graph.post(Routes.deviceStatuses(app, missing), "{}"),
                404, "ResourceNotFound", missing);
        assertEquals(404, graph.get(Routes.deviceStatuses(app, missing)).status());
    }

    @Test
    void aUserStatusOfAnotherAppIs404() {
        String otherApp = graph.newApp();
        String othersUser = graph.newUserStatus(otherApp);

        assertRefused(graph.post(Routes.deviceStatuses(app, othersUser), "{}"),
                404, "ResourceNotFound", othersUser);
        assertEquals(0, graph.get(Routes.deviceStatuses(otherApp)).json().getJsonArray("value").size());
        assertEquals(404, graph.get(Routes.userStatus(app, othersUser)).status());
    }

    /** Graph's answer: 400, naming the first segment it could not follow; an unknown key is a 404 (above). */
    @ParameterizedTest
    @CsvSource({"beta/nowhere, nowhere", "beta/deviceAppManagement/mobileApps/{app}/nowhere, nowhere",
            "beta/deviceAppManagement/mobileApps/{app}/deviceStatuses/a/b, b",
            "beta/deviceAppManagement/nowhere/{app}/deviceStatuses, nowhere",
            "beta/deviceAppManagement/mobileApps/{app}/userStatuses/{user}/app/more, more"})
    void anUnknownSegmentUnderBetaIs400NamingIt(String path, String segment) {
        Answer answer = GraphClient.send(GraphClient.request(graph.rootUri(path.replace("{app}", app).replace("{user}", user)),
                Tokens.delegated(Tokens.READ_WRITE)).GET());
        assertRefused(answer, 400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nowhere", "overview/nowhere.js", "openapi-ui/nowhere.css"})
    void anUnknownPathOutsideTheApiIs404InGraphsEnvelope(String path) {
        Answer answer = GraphClient.send(GraphClient.request(graph.rootUri(path), Tokens.delegated(Tokens.READ_WRITE)).GET());
        assertRefused(answer, 404, "ResourceNotFound", "not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void aWrongMethodIs405InGraphsEnvelope(String method) {
        Answer answer = GraphClient.send(GraphClient.request(devices("deviceStatuses"), Tokens.delegated(Tokens.READ_WRITE))
                .header("Content-Type", "application/json").method(method, BodyPublishers.ofString("{}")));
        assertRefused(answer, 405, "MethodNotAllowed", method);
    }

    private java.net.URI devices(String route) {
        return graph.uri(Routes.app(app) + "/" + route.replace("{user}", user));
    }

    private void assertRefused(Answer answer, int status, String code, String messageNames) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
        assertEquals(code, answer.errorCode());
        assertTrue(answer.errorMessage().contains(messageNames), answer.errorMessage());
        var innerError = answer.json().getJsonObject("error").getJsonObject("innerError");
        assertEquals(answer.header("request-id"), innerError.getString("request-id"));
        assertEquals(answer.header("client-request-id"), innerError.getString("client-request-id"));
        assertNotNull(innerError.getString("date"));
        assertTrue(!answer.body().contains("Exception") && !answer.body().contains("at org."), answer.body());
        assertEquals(0, graph.get(Routes.deviceStatuses(app)).json().getJsonArray("value").size(),
                "nothing was stored under the app");
        assertEquals(0, graph.get(Routes.deviceStatuses(app, user)).json()
                .getJsonArray("value").size(), "nothing was stored under the user");
    }
}
