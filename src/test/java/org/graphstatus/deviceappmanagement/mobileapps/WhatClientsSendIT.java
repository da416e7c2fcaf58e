package org.graphstatus.deviceappmanagement.mobileapps;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.beta.models.ResultantAppStateDetail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Graph clients other than the Java SDK send, and data shaped like a real tenant's: each case is one that
 * Graph accepted and this service once refused or misread.
 */
class WhatClientsSendIT extends DeployedService {

    String app;
    String devices;

    @BeforeEach
    void newApp() {
        app = graph.newApp();
        devices = Routes.deviceStatuses(app);
    }

    /** Every member Graph publishes, taken from the official SDK's enum, not from ours. */
    static Stream<String> everyInstallStateDetail() {
        return Arrays.stream(ResultantAppStateDetail.values()).map(ResultantAppStateDetail::getValue);
    }

    @ParameterizedTest
    @MethodSource("everyInstallStateDetail")
    void everyInstallStateDetailGraphDefinesIsStored(String detail) {
        Answer created = graph.post(devices, "{\"installStateDetail\":\"" + detail + "\"}");

        assertEquals(201, created.status(), created.body());
        assertEquals(detail, graph.get(devices + "/" + created.json().getString("id")).json().getString("installStateDetail"));
    }

    @Test
    void supersedenceStatusesAreStoredAndUnknownMembersAreNot() {
        assertEquals(36, everyInstallStateDetail().count(), "Graph's list since supersedence");
        Answer unknown = graph.post(devices, "{\"installStateDetail\":\"removedByAliens\"}");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.errorMessage().contains("removedByAliens"), unknown.errorMessage());
    }

    @Test
    void odataTypeWithoutTheHashIsAcceptedOnEveryTypeAndAnsweredWithIt() {
        Answer status = graph.post(devices, "{\"@odata.type\":\"microsoft.graph.mobileAppInstallStatus\",\"deviceName\":\"a\"}");
        Answer user = graph.post(Routes.userStatuses(app),
                "{\"@odata.type\":\"microsoft.graph.userAppInstallStatus\",\"userName\":\"u\"}");
        Answer webApp = graph.post(APPS, "{\"@odata.type\":\"microsoft.graph.webApp\",\"displayName\":\"w\"}");

        assertEquals(201, status.status(), status.body());
        assertEquals("#microsoft.graph.mobileAppInstallStatus", status.json().getString("@odata.type"));
        assertEquals(201, user.status(), user.body());
        assertEquals("#microsoft.graph.userAppInstallStatus", user.json().getString("@odata.type"));
        assertEquals(201, webApp.status(), webApp.body());
        assertEquals("#microsoft.graph.webApp", webApp.json().getString("@odata.type"));

        Answer patched = graph.patch(devices + "/" + status.json().getString("id"),
                "{\"@odata.type\":\"microsoft.graph.mobileAppInstallStatus\",\"deviceName\":\"b\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("b", patched.json().getString("deviceName"));
        Answer patchedApp = graph.patch(APPS + "/" + webApp.json().getString("id"),
                "{\"@odata.type\":\"microsoft.graph.webApp\",\"displayName\":\"x\"}");
        assertEquals(200, patchedApp.status(), patchedApp.body());

        Answer otherType = graph.patch(devices + "/" + status.json().getString("id"),
                "{\"@odata.type\":\"microsoft.graph.userAppInstallStatus\"}");
        assertEquals(400, otherType.status(), otherType.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:20:30.12345678+02:00", "2026-03-01T10:20:30.123456789+02:00",
            "2026-03-01T10:20:30.123456789012+02:00"})
    void moreThanSevenFractionalDigitsAreKeptTo100Nanoseconds(String sent) {
        Answer created = graph.post(devices, "{\"lastSyncDateTime\":\"" + sent + "\"}");

        assertEquals(201, created.status(), created.body());
        assertEquals("2026-03-01T10:20:30.1234567+02:00", created.json().getString("lastSyncDateTime"));
        Answer found = graph.get(devices + "?$filter=lastSyncDateTime%20eq%202026-03-01T08:20:30.1234567Z");
        assertEquals(1, found.json().getJsonArray("value").size(), found.body());
    }

    @Test
    void patchTakesBackWhatGetGaveOnEveryType() {
        String user = graph.newUserStatus(app);
        String users = Routes.userStatuses(app);
        graph.post(users + "/" + user + "/deviceStatuses", "{\"installState\":\"installed\"}");
        String status = graph.post(devices, "{\"deviceName\":\"before\"}").json().getString("id");

        for (String[] change : new String[][] {{devices + "/" + status, "deviceName"}, {users + "/" + user, "userName"},
                {Routes.app(app), "displayName"}}) {
            JsonObject read = graph.get(change[0]).json();
            String sent = Json.createObjectBuilder(read).add(change[1], "after").build().toString();

            Answer patched = graph.patch(change[0], sent);

            assertEquals(200, patched.status(), change[0] + ": " + patched.body());
            assertEquals("after", patched.json().getString(change[1]));
            read.forEach((name, value) -> {
                if (!name.equals(change[1]) && !name.equals("lastModifiedDateTime")) {
                    assertEquals(value, patched.json().get(name), change[0] + " kept " + name);
                }
            });
        }
        assertEquals(1, graph.get(users + "/" + user).json().getInt("installedDeviceCount"), "still counted, not sent");
    }

    @Test
    void patchIgnoresServerKeptPropertiesAndRefusesAnotherKey() {
        String users = Routes.userStatuses(app);
        String user = graph.newUserStatus(app);

        Answer counts = graph.patch(users + "/" + user, "{\"id\":\"" + user + "\",\"installedDeviceCount\":4}");
        Answer assigned = graph.patch(Routes.app(app), "{\"isAssigned\":true,\"createdDateTime\":\"2001-01-01T00:00:00Z\"}");
        Answer otherKey = graph.patch(users + "/" + user, "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"userName\":\"x\"}");

        assertEquals(200, counts.status(), counts.body());
        assertEquals(0, counts.json().getInt("installedDeviceCount"));
        assertEquals(200, assigned.status(), assigned.body());
        assertFalse(assigned.json().getBoolean("isAssigned"));
        assertFalse(assigned.json().getString("createdDateTime").startsWith("2001"));
        assertEquals(400, otherKey.status(), otherKey.body());
        assertTrue(otherKey.errorMessage().contains("'id'"), otherKey.errorMessage());
        assertEquals("Test user", graph.get(users + "/" + user).json().getString("userName"), "nothing changed");
    }

    @Test
    void aRealLargeIconIsStoredAndReturned() throws IOException {
        String icon = Base64.getEncoder().encodeToString(noisePng(320));
        assertTrue(icon.length() > 300_000, "a few hundred KiB: " + icon.length());

        Answer created = graph.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"big icon\","
                + "\"largeIcon\":{\"@odata.type\":\"microsoft.graph.mimeContent\",\"type\":\"image/png\",\"value\":\"" + icon + "\"}}");

        assertEquals(201, created.status(), created.body().substring(0, Math.min(500, created.body().length())));
        JsonObject read = graph.get(APPS + "/" + created.json().getString("id")).json();
        assertEquals(icon, read.getJsonObject("largeIcon").getString("value"));
        assertEquals("image/png", read.getJsonObject("largeIcon").getString("type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#microsoft.graph.mobileApp", "#microsoft.graph.mobileLobApp", "#microsoft.graph.managedApp",
            "#microsoft.graph.managedMobileLobApp", "#microsoft.graph.contosoApp", "microsoft.graph.mobileAppInstallStatus"})
    void anAbstractOrUnknownAppTypeIs400NamingIt(String type) {
        Answer answer = graph.post(APPS, "{\"@odata.type\":\"" + type + "\",\"displayName\":\"x\"}");

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.errorMessage().contains(type.startsWith("#") ? type : "#" + type), answer.errorMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#microsoft.graph.win32LobApp", "#microsoft.graph.iosStoreApp", "#microsoft.graph.winGetApp",
            "#microsoft.graph.androidManagedStoreApp", "#microsoft.graph.macOSDmgApp",
            "#microsoft.graph.windowsAutoUpdateCatalogApp", "microsoft.graph.officeSuiteApp"})
    void concreteAppTypesOfGraphBetaAreCreated(String type) {
        Answer created = graph.post(APPS, "{\"@odata.type\":\"" + type + "\",\"displayName\":\"x\"}");

        assertEquals(201, created.status(), created.body());
        assertEquals(type.startsWith("#") ? type : "#" + type, created.json().getString("@odata.type"));
    }

    @Test
    void aWebAppLeftWithoutUseManagedBrowserGetsGraphsDefault() {
        JsonObject created = graph.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"appUrl\":\"https://x.example\"}").json();

        assertFalse(created.getBoolean("useManagedBrowser"));
        assertEquals(created, graph.get(APPS + "/" + created.getString("id")).json());
        Answer nulled = graph.patch(APPS + "/" + created.getString("id"), "{\"useManagedBrowser\":null}");
        assertEquals(400, nulled.status(), nulled.body());
        assertNotEquals(-1, nulled.errorMessage().indexOf("useManagedBrowser"));
    }

    /** A PNG of random pixels, which does not compress: about 3 bytes a pixel. */
    private static byte[] noisePng(int side) throws IOException {
        var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        var random = new Random(7);
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
