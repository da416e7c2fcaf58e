package org.graphstatus.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: both are given by path, so Selenium Manager
 * never tries to download a browser or a driver (this machine has no internet). .ci/run installs them.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    /** Where the browser saves what a page downloads: a directory of its own, not the user's Downloads. */
    public final Path downloads;

    public Browser() {
        this(false);
    }

    /** With {@code acceptTestCertificates}, pages over https with a certificate a test made (TestTls) load too. */
    public Browser(boolean acceptTestCertificates) {
        var options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1100",
                "--user-data-dir=" + temporaryDirectory("chromium-profile"));
        options.setAcceptInsecureCerts(acceptTestCertificates);
        downloads = temporaryDirectory("chromium-downloads");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // every page records what its Content-Security-Policy blocked, from before its first script runs
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.blockedByPolicy = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.blockedByPolicy.push("
                + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));"));
    }

    /**
     * Creates a status of {@code app} through the OpenAPI UI at {@code root}{@code openapi-ui/} as a user does: pastes
     * {@code token} into "Authorize", runs "Create mobileAppInstallStatus". Returns the status code the page shows.
     */
    public String createThroughTheOpenApiUi(URI root, String app, String token) {
        driver.get(root.resolve("openapi-ui/").toString());
        click(By.cssSelector(".auth-wrapper .authorize"));
        WebElement tokenField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input")));
        tokenField.sendKeys(token);
        click(By.cssSelector(".auth-btn-wrapper .modal-btn.authorize"));
        click(By.cssSelector(".auth-btn-wrapper .btn-done"));

        String operation = "#operations-mobileAppInstallStatus-createMobileAppInstallStatus";
        click(By.cssSelector(operation + " .opblock-summary-control"));
        click(By.cssSelector(operation + " .try-out__btn"));
        driver.findElement(By.cssSelector(operation + " input[placeholder='mobileAppId']")).sendKeys(app);
        click(By.cssSelector(operation + " .btn.execute"));

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(operation + " .live-responses-table tr.response .response-col_status")));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", status);
        return status.getText().trim().split("\\s+")[0];
    }

    public void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** What the current page's Content-Security-Policy blocked since it loaded. */
    @SuppressWarnings("unchecked")
    public List<String> blockedByPolicy() {
        return (List<String>) driver.executeScript("return window.blockedByPolicy || [];");
    }

    /** Saves what the page shows now as {@code target/screenshots/<name>.png}, the test's artifact. */
    public Path screenshot(String name) {
        try {
            Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
