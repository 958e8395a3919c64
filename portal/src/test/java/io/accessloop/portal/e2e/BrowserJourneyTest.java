package io.accessloop.portal.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.accessloop.portal.support.Contract;
import io.accessloop.portal.support.People;
import io.accessloop.portal.support.ServiceStubs;
import io.accessloop.portal.support.Stubs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium: signs in through the OIDC login form, sees My access, and requests access with the
 * live preview (htmx) answering on the way. Screenshots go to {@code target/e2e-screenshots}.
 */
@QuarkusTest
class BrowserJourneyTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

    @OidcWireMock
    WireMockServer oidc;

    @ServiceStubs.Inject
    WireMockServer services;

    @TestHTTPResource("/")
    URL base;

    private WebDriver driver;
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        assertThat(CHROMEDRIVER).as("the end-to-end test needs chromedriver at " + CHROMEDRIVER
                + "; install it with: apt-get install -y chromium chromium-driver").exists();
        assertThat(CHROMIUM).as("the end-to-end test needs Chromium at " + CHROMIUM
                + "; install it with: apt-get install -y chromium chromium-driver").exists();
        People.registerAll(oidc);
        services.resetAll();
        Stubs.answer(services, Stubs.get("/broker/api/v1/grants"), Contract.MY_GRANTS);
        Stubs.answer(services, Stubs.get("/broker/api/v1/requests"), Contract.MY_REQUESTS);
        Stubs.answer(services, Stubs.get("/broker/api/v1/entitlements"), Contract.ENTITLEMENTS);
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests/dry-run"), Contract.DRY_RUN_AUTOMATIC);
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests"), 201, Contract.REQUEST_SUBMITTED);

        profile = Files.createTempDirectory("portal-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anEmployeeSignsInSeesTheirAccessAndRequestsMore() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(new URL(base, "/access").toString());

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(People.EMPLOYEE.email());
        driver.findElement(By.id("password")).sendKeys("secret");
        driver.findElement(By.id("login")).click();

        wait.until(ExpectedConditions.titleContains("My access"));
        assertThat(driver.findElement(By.id("grant-grt_01JEXAMPLEACTIVE")).getText()).contains("payments-readonly");
        screenshot("1-my-access");

        driver.findElement(By.linkText("Request access")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("payments-readonly"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reason")));
        driver.findElement(By.id("reason")).sendKeys("Investigate INC-42");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Approved automatically"));
        screenshot("2-request-preview");

        driver.findElement(By.id("submit-request")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-status")));
        assertThat(driver.findElement(By.id("request-status")).getText()).contains("payments-readonly", "APPROVED");
        screenshot("3-request-sent");
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/requests"))
                .withRequestBody(equalToJson("{\"entitlement\":\"payments-readonly\",\"reason\":\"Investigate INC-42\","
                        + "\"durationSeconds\":3600,\"ticket\":null}")));
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
