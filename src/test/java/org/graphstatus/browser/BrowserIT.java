package org.graphstatus.browser;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.graphstatus.testing.Browser;
import org.graphstatus.testing.DeployedService;
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
 * mobileAppInstallStatus", see the 201) and the overview (token, app, chart counts and table that match
 * what the API holds, and that follow a new status without a reload). Screenshots go to target/screenshots.
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
        String app = newAppNamed("Contoso Portal " + System.nanoTime() % 1000);
        String[][] devices = {{"pc-ann-01", "ann", "installed", "0"}, {"pc-bob-07", "bob", "installed", "0"},
                {"pc-cleo-02", "cleo", "failed", "-2016345060"}, {"pc-dev-11", "dev", "pendingInstall", "0"}};
        for (int i = 0; i < devices.length; i++) {
            String[] device = devices[i];
            assertEquals(201, graph.post(Routes.deviceStatuses(app), "{\"deviceName\":\"" + device[0]
                    + "\",\"userPrincipalName\":\"" + device[1] + "@contoso.example\",\"installState\":\"" + device[2]
                    + "\",\"errorCode\":" + device[3] + ",\"lastSyncDateTime\":\"2026-11-2" + i + "T09:1" + i + ":00Z\"}").status());
        }
        browser.driver.get(graph.rootUri("").toString());

        WebElement token = browser.driver.findElement(By.id("token")); // labelled "Access token"
        assertEquals("Access token", browser.driver.findElement(By.cssSelector("label[for=token]")).getText());
        token.sendKeys(Tokens.delegated(Tokens.READ), Keys.ENTER); // the keyboard is enough
        Select apps = new Select(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app"))));
        apps.selectByValue(app);

        waitForText("chart-caption", "installed: 2, failed: 1, pendingInstall: 1, notInstalled: 0, notApplicable: 0");
        assertTrue(browser.driver.findElement(By.cssSelector("#chart canvas")).isDisplayed(), "the chart is drawn");
        assertEquals(4, rows().size());
        assertEquals(List.of(), rows().stream().filter(row -> !row.getText().startsWith("pc-")).toList());

        graph.post(Routes.deviceStatuses(app), "{\"deviceName\":\"pc-new-12\",\"installState\":\"notInstalled\","
                + "\"lastSyncDateTime\":\"2026-11-28T10:00:00Z\"}");
        waitForText("chart-caption", "installed: 2, failed: 1, pendingInstall: 1, notInstalled: 1, notApplicable: 0");
        assertEquals(5, rows().size(), "refreshed without a reload");
        browser.screenshot("overview");

        for (int i = 0; i < 7; i++) {
            graph.post(Routes.deviceStatuses(app), "{\"deviceName\":\"pc-old-" + i + "\"}"); // synced 0001-01-01
        }
        waitForText("page", "Page 1 of 2 (12 statuses)");
        browser.driver.findElement(By.id("next")).sendKeys(Keys.ENTER); // by keyboard
        waitForText("page", "Page 2 of 2 (12 statuses)");
        assertEquals(2, rows().size());
        assertTrue(rows().stream().allMatch(row -> row.getText().startsWith("pc-old-")), "the oldest last");
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

    private String newAppNamed(String name) {
        var created = graph.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#statuses tr"));
    }

    private void waitForText(String id, String text) {
        browser.wait.until(ExpectedConditions.textToBe(By.id(id), text));
    }

}
