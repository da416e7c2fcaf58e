package org.graphstatus.deviceappmanagement.mobileapps;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mobileApp: abstract in Graph, created as a derived type whose own properties come back as they went in. */
class MobileAppsIT extends DeployedService {

    static final String WEB_APP = """
            {
              "@odata.type": "#microsoft.graph.webApp",
              "displayName": "Contoso Portal",
              "description": "The intranet",
              "publisher": "Contoso",
              "isFeatured": true,
              "publishingState": "published",
              "roleScopeTagIds": ["0", "7"],
              "largeIcon": {"@odata.type": "microsoft.graph.mimeContent", "type": "image/png", "value": "AQID"},
              "appUrl": "https://portal.contoso.example",
              "useManagedBrowser": true
            }""";



    @Test
    void createsADerivedTypeAndKeepsItsOwnProperties() {
        Answer created = graph.post(APPS, WEB_APP);

        assertEquals(201, created.status(), created.body());
        JsonObject app = created.json();
        String id = app.getString("id");
        assertEquals(graph.uri(Routes.app(id)).toString(), created.header("Location"));
        assertEquals(graph.uri("$metadata") + "#deviceAppManagement/mobileApps/$entity", app.getString("@odata.context"));
        assertEquals("#microsoft.graph.webApp", app.getString("@odata.type"));
        assertEquals("Contoso Portal", app.getString("displayName"));
        assertEquals("published", app.getString("publishingState"));
        assertTrue(app.getBoolean("isFeatured"));
        assertEquals("[\"0\",\"7\"]", app.getJsonArray("roleScopeTagIds").toString());
        assertEquals("image/png", app.getJsonObject("largeIcon").getString("type"));
        assertEquals("https://portal.contoso.example", app.getString("appUrl"));
        assertTrue(app.getBoolean("useManagedBrowser"));
        OffsetDateTime.parse(app.getString("createdDateTime"));
        assertEquals(app, graph.get(Routes.app(id)).json(), "read back as created");
    }

    @Test
    void serverKeptPropertiesInTheBodyAreIgnored() {
        JsonObject app = graph.post(APPS, """
                {"@odata.type": "#microsoft.graph.webApp", "id": "mine", "createdDateTime": "2001-01-01T00:00:00Z",
                 "dependentAppCount": 5, "isAssigned": true}""").json();

        assertFalse(app.getString("id").equals("mine"));
        assertFalse(app.getString("createdDateTime").startsWith("2001"));
        assertEquals(0, app.getInt("dependentAppCount"));
        assertFalse(app.getBoolean("isAssigned"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"displayName\":\"no type\"}", "{\"@odata.type\":\"#microsoft.graph.mobileApp\"}",
            "{\"@odata.type\":\"webApp\"}", "{\"@odata.type\":\"#microsoft.graph.\"}",
            "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":7}",
            "{\"@odata.type\":\"#microsoft.graph.webApp\",\"publishingState\":\"live\"}",
            "{\"@odata.type\":\"#microsoft.graph.webApp\",\"isFeatured\":\"yes\"}",
            "{\"@odata.type\":\"#microsoft.graph.webApp\",\"roleScopeTagIds\":[1]}",
            "{\"@odata.type\":\"#microsoft.graph.webApp\",\"largeIcon\":\"icon.png\"}",
            "{\"@odata.type\":\"#microsoft.graph.webApp\",\"uploadState\":1.5}"})
    void aBadAppIs400(String body) {
        Answer answer = graph.post(APPS, body);

        assertEquals(400, answer.status(), answer.body());
        assertEquals("BadRequest", answer.errorCode());
    }

    @Test
    void anUnknownAppIs404() {
        Answer answer = graph.get(APPS + "/8d0e9a49-0000-4000-8000-000000000000");

        assertEquals(404, answer.status());
        assertEquals("ResourceNotFound", answer.errorCode());
    }

    @Test
    void patchChangesBaseAndDerivedPropertiesAndStampsTheModifiedTime() throws InterruptedException {
        JsonObject created = graph.post(APPS, WEB_APP).json();
        String id = created.getString("id");
        Thread.sleep(5); // so that the modified time can differ

        Answer patched = graph.patch(Routes.app(id), """
                {"@odata.type": "#microsoft.graph.webApp", "displayName": "Renamed", "isFeatured": false,
                 "appUrl": "https://new.contoso.example"}""");

        assertEquals(200, patched.status(), patched.body());
        JsonObject app = patched.json();
        assertEquals("Renamed", app.getString("displayName"));
        assertFalse(app.getBoolean("isFeatured"));
        assertEquals("https://new.contoso.example", app.getString("appUrl"));
        assertTrue(app.getBoolean("useManagedBrowser"), "a derived property not sent stays");
        assertEquals(created.getString("publisher"), app.getString("publisher"));
        assertEquals(created.getString("createdDateTime"), app.getString("createdDateTime"));
        assertTrue(OffsetDateTime.parse(app.getString("lastModifiedDateTime"))
                .isAfter(OffsetDateTime.parse(created.getString("lastModifiedDateTime"))));
        assertEquals(app, graph.get(Routes.app(id)).json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"x\"}", "{\"createdDateTime\":\"2020-01-01\"}",
            "{\"isAssigned\":\"yes\"}", "{\"@odata.type\":\"#microsoft.graph.win32LobApp\"}",
            "{\"publishingState\":\"gone\"}", "{\"isFeatured\":null}"})
    void aBadPatchIs400(String body) {
        String id = graph.post(APPS, WEB_APP).json().getString("id");

        Answer answer = graph.patch(Routes.app(id), body);

        assertEquals(400, answer.status(), answer.body());
        assertEquals("Contoso Portal", graph.get(Routes.app(id)).json().getString("displayName"));
    }

    @Test
    void deletingAnAppDeletesEverythingUnderIt() {
        String app = graph.newApp();
        String other = graph.newApp();
        String user = graph.newUserStatus(app);
        String device = graph.post(Routes.deviceStatuses(app, user), "{}").json().getString("id");
        String appDevice = graph.post(Routes.deviceStatuses(app), "{}").json().getString("id");
        String othersDevice = graph.post(Routes.deviceStatuses(other), "{}").json().getString("id");

        Answer deleted = graph.delete(Routes.app(app));

        assertEquals(204, deleted.status(), deleted.body());
        assertEquals(404, graph.get(Routes.app(app)).status());
        assertEquals(404, graph.get(Routes.userStatus(app, user)).status());
        assertEquals(404, graph.get(Routes.deviceStatus(app, device)).status());
        assertEquals(404, graph.get(Routes.deviceStatus(app, appDevice)).status());
        assertEquals(200, graph.get(Routes.deviceStatus(other, othersDevice)).status(), "other apps stay");
        assertEquals(404, graph.delete(Routes.app(app)).status());
    }

    @Test
    void theCountSegmentCountsTheAppsFilterMatchesAsPlainText() {
        String publisher = "Publisher " + java.util.UUID.randomUUID();
        for (String name : java.util.List.of("Zeta", "Alpha", "Mid")) {
            graph.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"" + name
                    + "\",\"publisher\":\"" + publisher + "\"}");
        }

        Answer count = graph.get(APPS + "/$count?$filter=" + java.net.URLEncoder.encode("publisher eq '" + publisher
                + "' and displayName ne 'Mid'", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));

        assertEquals(200, count.status(), count.body());
        assertEquals("2", count.body());
        assertTrue(count.header("Content-Type").startsWith("text/plain"), count.header("Content-Type"));
        assertTrue(Long.parseLong(graph.get(APPS + "/$count").body()) >= 3, "without $filter, every app");
        assertEquals(400, graph.get(APPS + "/$count?$orderby=displayName").status());
    }

    @Test
    void selectOnOneAppAnswersOnlyThoseAndExpandNamesWhatCannotBe() {
        String app = graph.newApp();

        Answer selected = graph.get(Routes.app(app) + "?$select=displayName,publisher");

        assertEquals(200, selected.status(), selected.body());
        assertEquals(java.util.Set.of("@odata.context", "@odata.type", "id", "displayName", "publisher"),
                selected.json().keySet());
        assertEquals(graph.uri("$metadata") + "#deviceAppManagement/mobileApps(displayName,publisher)/$entity",
                selected.json().getString("@odata.context"));
        Answer expand = graph.get(Routes.app(app) + "?$expand=deviceStatuses");
        assertEquals(400, expand.status(), expand.body());
        assertTrue(expand.errorMessage().contains("'deviceStatuses'"), expand.errorMessage());
        assertEquals(400, graph.get(APPS + "?$expand=userStatuses").status());
        assertEquals(400, graph.get(Routes.app(app) + "?$orderby=displayName").status());
    }

    @Test
    void listsAppsWithQueryOptions() {
        String publisher = "Publisher " + java.util.UUID.randomUUID();
        for (String name : java.util.List.of("Zeta", "Alpha", "Mid")) {
            graph.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"" + name
                    + "\",\"publisher\":\"" + publisher + "\",\"appUrl\":\"https://x.example\"}");
        }

        Answer list = graph.get(APPS + "?$filter=" + java.net.URLEncoder.encode("publisher eq '" + publisher
                + "' and displayName ne 'Mid'", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "&$orderby=displayName&$select=displayName");

        assertEquals(200, list.status(), list.body());
        var value = list.json().getJsonArray("value").getValuesAs(JsonObject.class);
        assertEquals(java.util.List.of("Alpha", "Zeta"), value.stream().map(a -> a.getString("displayName")).toList());
        assertEquals(java.util.Set.of("@odata.type", "id", "displayName"), value.get(0).keySet(), "only what $select names");
        assertEquals("#microsoft.graph.webApp", value.get(0).getString("@odata.type"));
    }
}
