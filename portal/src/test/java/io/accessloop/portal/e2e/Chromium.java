package io.accessloop.portal.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/** One person's headless Chromium with a profile of its own, signing in through Keycloak's login form. */
final class Chromium implements AutoCloseable {

    private static final File BINARY = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

    private final WebDriver driver;
    private final Path profile;
    private final URI portal;
    private final String person;

    private Chromium(URI portal, String person) throws IOException {
        assertThat(DRIVER).as("the end-to-end test needs chromedriver at " + DRIVER
                + "; install it with: apt-get install -y chromium chromium-driver").exists();
        assertThat(BINARY).as("the end-to-end test needs Chromium at " + BINARY
                + "; install it with: apt-get install -y chromium chromium-driver").exists();
        this.portal = portal;
        this.person = person;
        this.profile = Files.createTempDirectory("accessloop-e2e-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        Files.createDirectories(SCREENSHOTS);
    }

    /** Opens {@code path} on the portal, signs in as {@code username} on Keycloak's form and lands on the page. */
    static Chromium signedIn(URI portal, String username, String path) {
        try {
            Chromium browser = new Chromium(portal, username);
            browser.driver.get(portal.resolve(path).toString());
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
            browser.driver.findElement(By.id("username")).sendKeys(username);
            browser.driver.findElement(By.id("password")).sendKeys(username + "-demo");
            browser.driver.findElement(By.id("kc-login")).click();
            browser.await().until(ExpectedConditions.urlContains(portal.getAuthority() + path));
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header .who"),
                    username + "@example.com"));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String path) {
        driver.get(portal.resolve(path).toString());
    }

    void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot " + name + " of " + person, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
