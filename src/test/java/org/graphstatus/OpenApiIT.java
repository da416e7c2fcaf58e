package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Set;
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
                USER + "/deviceStatuses/{mobileAppInstallStatusId}/app"),
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

    @Test
    void describesMobileAppInstallStatus() {
        JsonObject schemas = contract.getJsonObject("components").getJsonObject("schemas");
        JsonObject status = schemas.getJsonObject("mobileAppInstallStatus");

        assertEquals(Set.of("@odata.context", "@odata.type", "id", "deviceName", "deviceId", "lastSyncDateTime",
                "mobileAppInstallStatusValue", "installState", "installStateDetail", "errorCode", "osVersion",
                "osDescription", "userName", "userPrincipalName", "displayVersion"),
                status.getJsonObject("properties").keySet());
        assertEquals("date-time", status.getJsonObject("properties").getJsonObject("lastSyncDateTime").getString("format"));
        assertEquals("int32", status.getJsonObject("properties").getJsonObject("errorCode").getString("format"));
        assertEquals(List.of("notApplicable", "installed", "failed", "notInstalled", "uninstallFailed", "pendingInstall",
                "unknown"), schemas.getJsonObject("resultantAppState").getJsonArray("enum")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals(27, schemas.getJsonObject("resultantAppStateDetail").getJsonArray("enum").size());
        assertTrue(schemas.containsKey("odataError"));
    }

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
                    assertEquals(401, answer.status(), method + " " + path + " answered " + answer.body());
                }));
    }
}
