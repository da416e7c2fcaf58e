package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graphstatus.deviceappmanagement.mobileapps.boundary.MobileAppJson;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary.MobileAppInstallStatusJson;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppStateDetail;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileAppPublishingState;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.boundary.UserAppInstallStatusJson;
import org.graphstatus.odata.types.GraphType;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract at /openapi: every route, the status schema, and that the service answers what it says. */
class OpenApiIT extends DeployedService {

    static final String APP = "/beta/deviceAppManagement/mobileApps/{mobileAppId}";
    static final String USER = APP + "/userStatuses/{userAppInstallStatusId}";

    JsonObject contract;

    @BeforeEach
    void readContract() {
        Answer answer = GraphClient.send(GraphClient.request(graph.rootUri("openapi"), null).GET());
        assertEquals(200, answer.status());
        contract = answer.json();
    }

    @Test
    void describesEveryRoute() {
        assertEquals(Set.of("/beta/deviceAppManagement/mobileApps", APP, APP + "/userStatuses", USER,
                APP + "/deviceStatuses", APP + "/deviceStatuses/{mobileAppInstallStatusId}",
                USER + "/deviceStatuses", USER + "/deviceStatuses/{mobileAppInstallStatusId}", APP + "/installSummary",
                "/beta/deviceAppManagement/mobileApps/$count", APP + "/userStatuses/$count", APP + "/deviceStatuses/$count",
                USER + "/deviceStatuses/$count", USER + "/app", APP + "/deviceStatuses/{mobileAppInstallStatusId}/app",
                USER + "/deviceStatuses/{mobileAppInstallStatusId}/app", "/beta/$batch",
                "/beta/deviceManagement/reports/getDeviceInstallStatusReport",
                "/beta/deviceManagement/reports/retrieveDeviceAppInstallationStatusReport",
                "/beta/deviceManagement/reports/getAppStatusOverviewReport",
                "/beta/deviceManagement/reports/getUserInstallStatusReport",
                "/beta/deviceManagement/reports/getAppsInstallSummaryReport",
                "/v1.0/deviceManagement/reports/retrieveDeviceAppInstallationStatusReport",
                "/beta/deviceManagement/reports/exportJobs",
                "/beta/deviceManagement/reports/exportJobs/{deviceManagementExportJobId}", "/beta/$metadata"),
                contract.getJsonObject("paths").keySet());
        for (String create : List.of(APP + "/deviceStatuses", USER + "/deviceStatuses")) {
            JsonObject post = contract.getJsonObject("paths").getJsonObject(create).getJsonObject("post");
            assertEquals(Set.of("201", "400", "401", "403", "404", "405", "413", "415", "500"),
                    post.getJsonObject("responses").keySet());
            assertEquals("[{\"bearer\":[\"DeviceManagementApps.ReadWrite.All\"]}]", post.getJsonArray("security").toString());
        }
        for (String item : List.of(APP, USER, APP + "/deviceStatuses/{mobileAppInstallStatusId}",
                USER + "/deviceStatuses/{mobileAppInstallStatusId}")) {
            JsonObject operations = contract.getJsonObject("paths").getJsonObject(item);
            assertTrue(operations.keySet().containsAll(Set.of("get", "patch", "delete")), item);
            assertEquals("[{\"bearer\":[\"DeviceManagementApps.ReadWrite.All\"]}]",
                    operations.getJsonObject("delete").getJsonArray("security").toString());
        }
        JsonObject list = contract.getJsonObject("paths").getJsonObject(APP + "/deviceStatuses").getJsonObject("get");
        assertEquals(8, list.getJsonArray("parameters").size(), "the eight query options: " + list.getJsonArray("parameters"));
        JsonObject count = contract.getJsonObject("paths").getJsonObject(APP + "/deviceStatuses/$count").getJsonObject("get");
        assertTrue(count.getJsonObject("responses").getJsonObject("200").containsKey("$ref"), "text/plain, see Count");
        assertTrue(contract.getJsonObject("components").getJsonObject("responses").getJsonObject("Count")
                .getJsonObject("content").containsKey("text/plain"));
        assertEquals("bearer", contract.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer").getString("scheme"));
    }

    /** Each type's schema has exactly the properties its declaration has, read-only where the server keeps them. */
    @Test
    void describesEveryTypeAsItIsDeclared() {
        JsonObject schemas = contract.getJsonObject("components").getJsonObject("schemas");
        Map<String, GraphType<?>> declared = Map.of("mobileAppInstallStatus", MobileAppInstallStatusJson.PROPERTIES,
                "userAppInstallStatus", UserAppInstallStatusJson.PROPERTIES, "mobileApp", MobileAppJson.PROPERTIES);
        declared.forEach((schema, type) -> {
            JsonObject properties = schemas.getJsonObject(schema).getJsonObject("properties");
            var expected = new HashSet<>(type.propertyNames());
            expected.addAll(Set.of("@odata.context", "@odata.type"));
            assertEquals(expected, properties.keySet(), schema);
            type.properties().forEach(property -> assertEquals(property.serverKept() || property.name().equals("id"),
                    properties.getJsonObject(property.name()).getBoolean("readOnly", false), schema + "." + property.name()));
        });
        JsonObject status = schemas.getJsonObject("mobileAppInstallStatus").getJsonObject("properties");
        assertEquals("date-time", status.getJsonObject("lastSyncDateTime").getString("format"));
        assertEquals("int32", status.getJsonObject("errorCode").getString("format"));
        assertTrue(schemas.containsKey("odataError"));
    }

    /** Each enum's members, in Graph's order, are the Java enum's. */
    @Test
    void describesEveryEnumAsItIsDeclared() {
        JsonObject schemas = contract.getJsonObject("components").getJsonObject("schemas");
        assertEquals(names(ResultantAppState.values()), members(schemas.getJsonObject("resultantAppState")));
        assertEquals(names(ResultantAppStateDetail.values()), members(schemas.getJsonObject("resultantAppStateDetail")));
        assertEquals(names(MobileAppPublishingState.values()), members(schemas.getJsonObject("mobileApp")
                .getJsonObject("properties").getJsonObject("publishingState")));
    }

    private static List<String> members(JsonObject schema) {
        return schema.getJsonArray("enum").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<String> names(Enum<?>[] members) {
        return Arrays.stream(members).map(Enum::name).toList();
    }

    /** Every operation needs a token but the public ones, which answer without one. */
    @Test
    void everyDocumentedOperationExistsAndIsProtected() {
        contract.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(method -> Set.of("get", "post", "patch", "delete").contains(method))
                .forEach(method -> {
                    String concrete = path.substring(1).replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
                    Answer answer = GraphClient.send(GraphClient.request(graph.rootUri(concrete), null)
                            .header("Content-Type", "application/json")
                            .method(method.toUpperCase(), method.startsWith("p") ? BodyPublishers.ofString("{}")
                                    : BodyPublishers.noBody()));
                    // an operation whose only security requirement is the empty one ($metadata) is public
                    JsonArray security = item.asJsonObject().getJsonObject(method).getJsonArray("security");
                    boolean open = security != null && security.size() == 1 && security.getJsonObject(0).isEmpty();
                    assertEquals(open ? 200 : 401, answer.status(), method + " " + path + " answered " + answer.body());
                }));
    }
}
