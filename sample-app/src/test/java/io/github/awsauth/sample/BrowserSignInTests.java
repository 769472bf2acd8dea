package io.github.awsauth.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person signs in to the sample in a real browser (headless Chromium): through the local IdP's
 * login form, sees their name and group, calls the API with their session, and signs out of the
 * service and the IdP. Skipped, saying why, where Chromium is not installed; CI installs it.
 */
class BrowserSignInTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static SampleApplication.RunningSample sample;

	private static WebDriver browser;

	private static Path profile;

	private static String app;

	@BeforeAll
	static void start() throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		// under CI a missing browser is a broken CI, not a reason to skip
		assertThat(installed || System.getenv("CI") == null)
			.as("CI=true but Chromium is not installed: .ci/run installs chromium and chromium-driver")
			.isTrue();
		assumeTrue(installed, "Chromium is not installed: apt-get install chromium chromium-driver (CI does)");
		sample = SampleApplication.start("--server.port=0", "--sample.local-idp.port=0");
		app = "http://localhost:" + ((WebServerApplicationContext) sample.app()).getWebServer().getPort();
		profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile);
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		browser = new ChromeDriver(driver, options);
	}

	@AfterAll
	static void stop() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (sample != null) {
			sample.close();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	@Test
	void aliceSignsInCallsTheApiAndSignsOut() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(45));
		browser.get(app + "/");
		browser.findElement(By.id("sign-in")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		assertThat(browser.getCurrentUrl()).doesNotStartWith(app).contains("/login");
		browser.findElement(By.id("username")).sendKeys("alice");
		browser.findElement(By.id("password")).sendKeys("alice-password");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
		assertThat(browser.getCurrentUrl()).startsWith(app);
		assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("alice");
		assertThat(browser.findElement(By.id("mechanism")).getText()).isEqualTo("login");
		assertThat(browser.findElement(By.id("groups")).getText()).isEqualTo("admin");

		browser.findElement(By.id("call-api")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "alice"));
		assertThat(browser.findElement(By.id("me")).getText()).contains("\"mechanism\":\"login\"", "ROLE_admin");

		browser.findElement(By.cssSelector("#sign-out button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
		assertThat(browser.getCurrentUrl()).isEqualTo(app + "/");

		browser.get(app + "/api/me");
		assertThat(browser.getPageSource()).contains("\"status\":401");
		browser.get(app + "/");
		browser.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		assertThat(browser.getCurrentUrl()).as("the IdP session ended too: it asks for the password again")
			.contains("/login");
	}

}
