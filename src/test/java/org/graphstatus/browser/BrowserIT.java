package org.graphstatus.browser;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.graphstatus.testing.Browser;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The two pages as a user uses them, in headless Chromium: the OpenAPI UI (authorize, run "Create
 * mobileAppInstallStatus", see the 201) and the overview (token; the apps ranked by failed devices; the chosen
 * app's counts and devices as the API holds them, following a new status without a reload, filtered by state,
 * searched, with Intune's error codes; its export downloaded). Each overview test has a tenant of its own.
 * Screenshots go to target/screenshots.
 */
class BrowserIT extends DeployedService {

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    /** The pages work under their Content-Security-Policy: nothing they need was blocked. */
    @AfterEach
    void closeBrowser() {
        try {
            assertEquals(List.of(), browser.blockedByPolicy());
        } finally {
            browser.close();
        }
    }

    @Test
    void theOpenApiUiCreatesAStatusWithAPastedToken() {
        String app = graph.newApp();
        String status = browser.createThroughTheOpenApiUi(graph.rootUri(""), app, Tokens.delegated(Tokens.READ_WRITE));
        browser.screenshot("openapi-ui");
        assertEquals("201", status);
        List<JsonObject> stored = graph.all(Routes.deviceStatuses(app));
        assertEquals(1, stored.size(), "the page's create is stored");
    }

    @Test
    void theOverviewShowsWhatTheApiHoldsAndFollowsIt() {
        Tenant tenant = newTenant(); // its only app is the one the page opens on
        String app = tenant.newApp("Contoso Portal");
        String[][] devices = {{"pc-ann-01", "ann", "installed", "0"}, {"pc-bob-07", "bob", "installed", "0"},
                {"pc-cleo-02", "cleo", "failed", "-2016345060"}, {"pc-dev-11", "dev", "pendingInstall", "0"}};
        for (int i = 0; i < devices.length; i++) {
            String[] device = devices[i];
            tenant.newStatus(app, "{\"deviceName\":\"" + device[0] + "\",\"userPrincipalName\":\"" + device[1]
                    + "@contoso.example\",\"installState\":\"" + device[2] + "\",\"errorCode\":" + device[3]
                    + ",\"lastSyncDateTime\":\"2026-11-2" + i + "T09:1" + i + ":00Z\"}");
        }
        browser.driver.get(graph.rootUri("").toString());

        WebElement token = browser.driver.findElement(By.id("token")); // labelled "Access token"
        assertEquals("Access token", browser.driver.findElement(By.cssSelector("label[for=token]")).getText());
        token.sendKeys(tenant.readToken(), Keys.ENTER); // the keyboard is enough
        Select apps = new Select(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app"))));
        apps.selectByValue(app);

        waitForText("chart-caption", "installed: 2, failed: 1, pendingInstall: 1, notInstalled: 0, notApplicable: 0");
        assertTrue(browser.driver.findElement(By.cssSelector("#chart canvas")).isDisplayed(), "the chart is drawn");
        assertEquals(4, rows().size());
        assertEquals(List.of(), rows().stream().filter(row -> !row.getText().startsWith("pc-")).toList());

        tenant.newStatus(app, "{\"deviceName\":\"pc-new-12\",\"installState\":\"notInstalled\","
                + "\"lastSyncDateTime\":\"2026-11-28T10:00:00Z\"}");
        waitForText("chart-caption", "installed: 2, failed: 1, pendingInstall: 1, notInstalled: 1, notApplicable: 0");
        assertEquals(5, rows().size(), "refreshed without a reload");
        browser.screenshot("overview");

        for (int i = 0; i < 7; i++) {
            tenant.newStatus(app, "{\"deviceName\":\"pc-old-" + i + "\"}"); // never synced
        }
        waitForText("page", "Page 1 of 2 (12 statuses)");
        browser.driver.findElement(By.id("next")).sendKeys(Keys.ENTER); // by keyboard
        waitForText("page", "Page 2 of 2 (12 statuses)");
        assertEquals(2, rows().size());
        assertTrue(rows().stream().allMatch(row -> row.getText().startsWith("pc-old-")), "the oldest last");
    }

    /** As the admin center's "apps with installation failures" tile: the most failed devices first. */
    @Test
    void theOverviewOpensOnTheAppsRankedByFailedDevices() {
        Tenant tenant = newTenant();
        String least = tenant.newApp("Least failing");
        String most = tenant.newApp("Most failing");
        String none = tenant.newApp("Never failing");
        String some = tenant.newApp("Some failing");
        tenant.newStatuses(least, "failed", "installed", "installed", "installed");
        tenant.newStatuses(most, "failed", "failed", "failed", "pendingInstall");
        tenant.newStatuses(none, "installed", "installed");
        tenant.newStatuses(some, "failed", "failed", "notInstalled", "notApplicable");

        connect(tenant.readToken());

        browser.wait.until(driver -> rankedApps().size() == 3);
        assertEquals(List.of("Most failing", "Some failing", "Least failing"), rankedApps(),
                "an app without failures is not ranked");
        assertEquals(List.of("3", "2", "1"), column("ranking", 5), "failed devices");
        assertEquals(List.of("75.00", "66.67", "25.00"), column("ranking", 6), "failed among applicable devices, in %");
        Select apps = new Select(browser.driver.findElement(By.id("app")));
        assertEquals(List.of(most, some, least, none),
                apps.getOptions().stream().map(option -> option.getAttribute("value")).toList(), "every app, in the same order");
        assertEquals(most, apps.getFirstSelectedOption().getAttribute("value"), "it opens on the worst app");
        waitForText("chart-caption", "installed: 0, failed: 3, pendingInstall: 1, notInstalled: 0, notApplicable: 0");
        browser.screenshot("overview-ranking");

        browser.driver.findElement(By.xpath("//tbody[@id='ranking']//button[text()='Least failing']")).sendKeys(Keys.ENTER);
        waitForText("chart-caption", "installed: 3, failed: 1, pendingInstall: 0, notInstalled: 0, notApplicable: 0");
        assertEquals(least, apps.getFirstSelectedOption().getAttribute("value"));
        assertEquals(List.of("installed", "failed", "pendingInstall", "notInstalled", "notApplicable"), column("counts", 1));
        assertEquals(List.of("3", "1", "0", "0", "0"), column("counts", 2), "the overview report's device counts");
        assertEquals(4, rows().size());
    }

    /** The cells as Intune shows them: the error in hex, a device that never synced as "never". */
    @Test
    void theDeviceTableShowsHexErrorCodesAndNeverForNoSync() {
        Tenant tenant = newTenant();
        String app = tenant.newApp("Company Portal");
        tenant.newStatus(app, "{\"deviceName\":\"pc-failed\",\"userPrincipalName\":\"ann@contoso.example\","
                + "\"installState\":\"failed\",\"errorCode\":-2016345060,"
                + "\"lastSyncDateTime\":\"2026-11-20T09:10:11+02:00\"}");
        tenant.newStatus(app, "{\"deviceName\":\"pc-unsynced\",\"userName\":\"Bob\"}");

        connect(tenant.readToken());

        browser.wait.until(driver -> rows().size() == 2);
        assertEquals(List.of("pc-failed", "ann@contoso.example", "Failed", "0x87D1041C", "2026-11-20 07:10:11 UTC"),
                cells(0, 0, 1, 2, 4, 5), "the error as Intune writes it, the time in UTC");
        assertEquals(List.of("pc-unsynced", "Bob", "", "never"), cells(1, 0, 1, 4, 5), "no error code, never synced");
        assertTrue(rows().stream().noneMatch(row -> row.getText().contains("-2016345060") || row.getText().contains("0001-01-01")));
    }

    @Test
    void theDeviceTableFiltersByStateAndSearchesDevicesAndUsers() {
        Tenant tenant = newTenant();
        String app = tenant.newApp("Teams");
        String[][] devices = {{"pc-ann-01", "ann", "failed"}, {"pc-bob-02", "bob", "installed"},
                {"pc-cleo-03", "cleo", "failed"}, {"lab-04", "bob", "failed"}, {"lab-05", "dave", "pendingInstall"}};
        for (String[] device : devices) {
            tenant.newStatus(app, "{\"deviceName\":\"" + device[0] + "\",\"userPrincipalName\":\"" + device[1]
                    + "@contoso.example\",\"installState\":\"" + device[2] + "\"}");
        }
        connect(tenant.readToken());
        waitForText("page", "Page 1 of 1 (5 statuses)");

        new Select(browser.driver.findElement(By.id("state"))).selectByVisibleText("Failed");
        waitForText("page", "Page 1 of 1 (3 statuses)");
        assertEquals(Set.of("pc-ann-01", "pc-cleo-03", "lab-04"), Set.copyOf(column("statuses", 1)));
        assertEquals(Set.of("Failed"), Set.copyOf(column("statuses", 3)));

        browser.driver.findElement(By.id("search")).sendKeys("BOB"); // a user, ignoring case, among the failed
        waitForText("page", "Page 1 of 1 (1 statuses)");
        assertEquals(List.of("lab-04"), column("statuses", 1));

        new Select(browser.driver.findElement(By.id("state"))).selectByVisibleText("All");
        waitForText("page", "Page 1 of 1 (2 statuses)");
        assertEquals(Set.of("pc-bob-02", "lab-04"), Set.copyOf(column("statuses", 1)), "bob's devices in any state");

        WebElement search = browser.driver.findElement(By.id("search"));
        search.clear();
        search.sendKeys("lab-"); // a device name
        browser.wait.until(driver -> Set.copyOf(column("statuses", 1)).equals(Set.of("lab-04", "lab-05")));
        waitForText("page", "Page 1 of 1 (2 statuses)");
        browser.screenshot("overview-search");
    }

    /** The export button runs the DeviceInstallStatusByApp export job and downloads its ZIP. */
    @Test
    void theExportButtonDownloadsTheAppsZip() throws IOException, InterruptedException {
        Tenant tenant = newTenant();
        String app = tenant.newApp("Edge");
        tenant.newStatus(app, "{\"deviceName\":\"pc-1\",\"installState\":\"installed\"}");
        tenant.newStatus(app, "{\"deviceName\":\"pc-2\",\"installState\":\"failed\",\"errorCode\":-2016345060}");
        connect(tenant.readToken());
        browser.wait.until(driver -> rows().size() == 2);

        browser.driver.findElement(By.id("export")).click();

        WebElement link = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("download")));
        String url = link.getAttribute("href");
        String id = url.substring(url.lastIndexOf('/') + 1, url.length() - ".zip".length());
        assertTrue(id.startsWith("DeviceInstallStatusByApp_"), url);
        assertTrue(url.startsWith(graph.rootUri("exports/").toString()), url);
        assertEquals(id + ".zip", link.getAttribute("download"));
        assertTrue(browser.driver.findElement(By.id("export")).isEnabled(), "ready for another export");

        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                BodyHandlers.ofByteArray()); // no token, as the browser's link
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElseThrow());
        String csv = unzipped(zip.body(), id + ".csv");
        assertTrue(csv.contains("\"pc-1\"") && csv.contains("\"0x87D1041C\""), csv);

        Path downloaded = browser.downloads.resolve(id + ".zip"); // the browser saved it too
        browser.wait.until(driver -> Files.exists(downloaded));
        assertEquals(csv, unzipped(Files.readAllBytes(downloaded), id + ".csv"));
    }

    @Test
    void theOverviewShowsAnApiErrorAsAMessage() {
        browser.driver.get(graph.rootUri("").toString());

        browser.driver.findElement(By.id("token")).sendKeys("not-a-token", Keys.ENTER);

        WebElement message = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        browser.wait.until(driver -> !message.getText().isEmpty());
        assertEquals("alert", message.getAttribute("role"));
        assertTrue(message.getText().contains("(401 InvalidAuthenticationToken)"), message.getText());
        assertTrue(!message.getText().contains("{"), "a sentence, not JSON: " + message.getText());
    }

    /** A tenant of its own (a random tid), so that no other test's apps are ranked or listed with its own. */
    private Tenant newTenant() {
        String tid = UUID.randomUUID().toString();
        return new Tenant(graph.as(token(tid, Tokens.READ_WRITE)), token(tid, Tokens.READ));
    }

    private static String token(String tid, String scopes) {
        return Tokens.sign(Tokens.claims(claims -> claims.claim("tid", tid).claim("scp", scopes)), Tokens.developmentKey());
    }

    /** The tenant's writer, and the read token a user pastes into the page. */
    record Tenant(GraphClient graph, String readToken) {

        String newApp(String name) {
            var created = graph.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"" + name + "\"}");
            assertEquals(201, created.status(), created.body());
            return created.json().getString("id");
        }

        void newStatus(String app, String json) {
            var created = graph.post(Routes.deviceStatuses(app), json);
            assertEquals(201, created.status(), created.body());
        }

        /** A device in each state, named after the app and its place. */
        void newStatuses(String app, String... states) {
            for (int i = 0; i < states.length; i++) {
                newStatus(app, "{\"deviceName\":\"pc-" + i + "\",\"installState\":\"" + states[i] + "\"}");
            }
        }
    }

    private void connect(String token) {
        browser.driver.get(graph.rootUri("").toString());
        browser.driver.findElement(By.id("token")).sendKeys(token, Keys.ENTER);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    }

    private List<String> rankedApps() {
        return browser.driver.findElements(By.cssSelector("#ranking tr button")).stream().map(WebElement::getText).toList();
    }

    /** The texts of a table body's column, from 1. */
    private List<String> column(String body, int column) {
        return browser.driver.findElements(By.cssSelector("#" + body + " tr td:nth-child(" + column + ")")).stream()
                .map(WebElement::getText).toList();
    }

    /** The texts of a row's cells, from 0. */
    private List<String> cells(int row, int... columns) {
        List<WebElement> cells = rows().get(row).findElements(By.tagName("td"));
        return Arrays.stream(columns).mapToObj(column -> cells.get(column).getText()).toList();
    }

    private static String unzipped(byte[] zip, String name) throws IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the ZIP");
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#statuses tr"));
    }

    private void waitForText(String id, String text) {
        browser.wait.until(ExpectedConditions.textToBe(By.id(id), text));
    }

}
