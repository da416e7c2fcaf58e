package org.graphstatus.deviceappmanagement.mobileapps;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.graphstatus.odata.metadata.EdmProperty;
import org.graphstatus.odata.metadata.GraphMetadata;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * mobileApp: abstract in Graph, created as one of its concrete types, whose own properties are checked against
 * the service's $metadata and come back with every other property of the type.
 */
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

    /** A Win32 app as the admin center sends one: rules of two derived types, a nested complex value, read-only size. */
    static final String WIN32_APP = """
            {
              "@odata.type": "#microsoft.graph.win32LobApp",
              "displayName": "7-Zip",
              "fileName": "7z.intunewin",
              "size": 123456,
              "installCommandLine": "7z.exe /S",
              "applicableArchitectures": "x64,arm64",
              "installExperience": {"runAsAccount": "system", "deviceRestartBehavior": "suppress"},
              "rules": [
                {"@odata.type": "#microsoft.graph.win32LobAppRegistryRule", "ruleType": "detection",
                 "keyPath": "HKLM\\\\Software\\\\7-Zip", "operationType": "exists"},
                {"@odata.type": "#microsoft.graph.win32LobAppFileSystemRule", "ruleType": "detection",
                 "path": "C:\\\\Program Files\\\\7-Zip", "fileOrFolderName": "7z.exe", "operationType": "exists",
                 "operator": "notConfigured", "check32BitOn64System": false}
              ],
              "returnCodes": [{"returnCode": 0, "type": "success"}, {"returnCode": 3010, "type": "softReboot"}]
            }""";

    static final GraphMetadata METADATA = GraphMetadata.BETA;

    static List<String> concreteTypes() {
        return METADATA.concreteTypes("microsoft.graph.mobileApp");
    }

    /**
     * Each of Graph's concrete types is created from its @odata.type alone, as the Kiota SDKs send a derived type,
     * and answered as Graph writes it: every property of the type, unset ones as null, [] or their default.
     */
    @ParameterizedTest
    @MethodSource("concreteTypes")
    void everyConcreteTypeIsAnsweredWithEveryPropertyOfItsType(String type) {
        Answer created = graph.post(APPS, "{\"@odata.type\": \"#" + type + "\"}");

        assertEquals(201, created.status(), created.body());
        JsonObject app = created.json();
        Set<String> expected = new TreeSet<>(Set.of("@odata.context", "@odata.type"));
        METADATA.properties(type).forEach(property -> expected.add(property.name()));
        assertEquals(expected, new TreeSet<>(app.keySet()));
        for (EdmProperty property : METADATA.properties(type)) {
            JsonValue value = app.get(property.name());
            if (property.collection()) {
                assertEquals(JsonValue.EMPTY_JSON_ARRAY, value, property.name());
            } else {
                assertEquals(property.nullable(), value == JsonValue.NULL, property.name() + ": " + value);
            }
        }
        assertEquals(app, graph.get(Routes.app(app.getString("id"))).json());
    }

    @Test
    void aWin32AppKeepsItsComplexValuesToTheirDepthAndIgnoresReadOnlyOnes() {
        Answer created = graph.post(APPS, WIN32_APP);

        assertEquals(201, created.status(), created.body());
        JsonObject app = created.json();
        assertEquals(0, app.getJsonNumber("size").longValue(), "read-only: the server's, not the client's");
        assertEquals("7z.intunewin", app.getString("fileName"));
        assertEquals("x64,arm64", app.getString("applicableArchitectures"));
        JsonObject registry = app.getJsonArray("rules").getJsonObject(0);
        Set<String> registryProperties = new TreeSet<>(Set.of("@odata.type"));
        METADATA.properties("microsoft.graph.win32LobAppRegistryRule").forEach(p -> registryProperties.add(p.name()));
        assertEquals(registryProperties, new TreeSet<>(registry.keySet()), "every property of the rule's own type");
        assertEquals(JsonValue.NULL, registry.get("valueName"));
        assertEquals("exists", registry.getString("operationType"));
        assertEquals("7z.exe", app.getJsonArray("rules").getJsonObject(1).getString("fileOrFolderName"));
        assertEquals(3010, app.getJsonArray("returnCodes").getJsonObject(1).getInt("returnCode"));
        assertEquals("system", app.getJsonObject("installExperience").getString("runAsAccount"));
        assertEquals(app, graph.get(Routes.app(app.getString("id"))).json());
    }

    /** A property the type does not have, or a value not of its type, to any depth: a 400 that names it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "appColour|{\"@odata.type\":\"#microsoft.graph.webApp\",\"appColour\":\"red\"}",
            "useManagedBrowser|{\"@odata.type\":\"#microsoft.graph.webApp\",\"useManagedBrowser\":\"yes\"}",
            "useManagedBrowser|{\"@odata.type\":\"#microsoft.graph.webApp\",\"useManagedBrowser\":null}",
            "appUrl|{\"@odata.type\":\"#microsoft.graph.webApp\",\"appUrl\":[\"https://a.example\"]}",
            "fileName|{\"@odata.type\":\"#microsoft.graph.androidLobApp\",\"fileName\":42}",
            "size|{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"size\":1.5}",
            "applicableArchitectures|{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"applicableArchitectures\":\"x64,sparc\"}",
            "installExperience.runAs|{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"installExperience\":{\"runAs\":\"system\"}}",
            "rules[0].check32BitOn64System|{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"rules\":[{\"@odata.type\":\"#microsoft.graph.win32LobAppRegistryRule\",\"check32BitOn64System\":\"no\"}]}",
            "rules|{\"@odata.type\":\"#microsoft.graph.win32LobApp\",\"rules\":[{\"@odata.type\":\"#microsoft.graph.webApp\"}]}",
            "largeIcon.colour|{\"@odata.type\":\"#microsoft.graph.webApp\",\"largeIcon\":{\"colour\":\"red\"}}",
            "largeIcon.value|{\"@odata.type\":\"#microsoft.graph.webApp\",\"largeIcon\":{\"value\":\"not base64!\"}}",
            "minimumSupportedOperatingSystem.v8_0|{\"@odata.type\":\"#microsoft.graph.iosLobApp\",\"minimumSupportedOperatingSystem\":{\"v8_0\":1}}"})
    void aBadDerivedPropertyIs400NamingIt(String nameAndBody) {
        String name = nameAndBody.substring(0, nameAndBody.indexOf('|'));
        Answer answer = graph.post(APPS, nameAndBody.substring(name.length() + 1));

        assertEquals(400, answer.status(), answer.body());
        assertEquals("BadRequest", answer.errorCode());
        assertTrue(answer.errorMessage().contains(name), answer.errorMessage());
    }

    @Test
    void aPatchChecksDerivedPropertiesAsACreateDoes() {
        String id = graph.post(APPS, WIN32_APP).json().getString("id");

        Answer refused = graph.patch(Routes.app(id), "{\"installExperience\": {\"runAsAccount\": \"root\"}}");
        Answer changed = graph.patch(Routes.app(id), "{\"installExperience\": {\"runAsAccount\": \"user\"}, \"size\": 9}");

        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.errorMessage().contains("installExperience.runAsAccount"), refused.errorMessage());
        assertEquals(200, changed.status(), changed.body());
        assertEquals("user", changed.json().getJsonObject("installExperience").getString("runAsAccount"));
        assertEquals(0, changed.json().getJsonNumber("size").longValue());
    }

    /**
     * The Kiota TypeScript SDK sends {@code largeIcon: {}} back in an update when a GET gave {@code null}: a
     * mimeContent with neither type nor value is no icon, and the app still has none.
     */
    @Test
    void anEmptyLargeIconIsNoIcon() {
        JsonObject app = graph.post(APPS, "{\"@odata.type\": \"#microsoft.graph.webApp\", \"appUrl\": \"https://a.example\"}").json();
        assertEquals(JsonValue.NULL, app.get("largeIcon"));

        Answer patched = graph.patch(Routes.app(app.getString("id")), "{\"@odata.type\": \"#microsoft.graph.webApp\", \"largeIcon\": {}}");

        assertEquals(200, patched.status(), patched.body());
        assertEquals(JsonValue.NULL, patched.json().get("largeIcon"));
    }

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
