package io.polyglot.app.demos;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo page end to end in a real browser (the system's headless Chromium driven by
 * Selenium) against the service on the real local stores: the store map fills in, every
 * panel runs and shows the result it exists for, and a screenshot of the whole page is
 * saved to {@code docs/demo-page.png}. Without Chromium and its driver the test is
 * skipped, saying what to install.
 */
class DemoPageBrowserIT extends DemoTestSupport {

	private static final Path CHROMIUM = Path.of(System.getProperty("polyglot.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("polyglot.chromedriver", "/usr/bin/chromedriver"));

	private static final Duration PANEL_LIMIT = Duration.ofMinutes(2);

	private WebDriver browser;

	private Path profile;

	@BeforeEach
	void startBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Skipped: no headless browser. Install it with `apt-get update && apt-get install -y chromium "
						+ "chromium-driver` (or set -Dpolyglot.chromium and -Dpolyglot.chromedriver).");
		this.profile = Files.createTempDirectory("polyglot-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void everyPanelRunsOnTheRealStoresAndShowsItsResult() throws IOException {
		this.browser.get("http://localhost:" + this.port + "/");
		waitUntil("the store map to list five stores", Duration.ofSeconds(30),
				() -> this.browser.findElements(By.cssSelector(".store-card.status-UP")).size() == 5);
		waitUntil("ops/s figures", Duration.ofSeconds(30),
				() -> !text(".store-card[data-store=postgres] .figures").contains("…"));

		run("integrity", "integrity");
		assertThat(text("[data-check=postgres-refused]")).contains("refused 4 of 4");
		assertThat(text("#demo-integrity .steps")).contains("foreign key constraint").contains("REFUSED");
		assertThat(text("[data-check=mongodb-accepted]")).contains("1 orphan order");

		run("documents", "documents");
		assertThat(text("[data-check=document]")).contains("2 orders embedded");
		run("documents", "rename");
		assertThat(text("[data-check=rename-mongodb]")).contains("documents rewritten");

		setValue("#session-ttl", "2");
		run("sessions", "session");
		waitUntil("the session to expire", Duration.ofSeconds(20), () -> "true"
			.equals(this.browser.findElement(By.id("session-ttl-view")).getDomAttribute("data-expired")));
		assertThat(text("#session-ttl-view")).contains("(nil)");
		run("sessions", "by-country");
		assertThat(text("[data-check=scan]")).contains("SCAN");

		run("partitions", "partitions");
		assertThat(text("[data-check=partitions]")).contains("Touched 3 of 30 partitions");

		run("graph", "graph");
		assertThat(this.browser.findElement(By.id("graph-chart")).getDomAttribute("data-points")).isEqualTo("4");
		assertThat(this.browser.findElements(By.cssSelector("#graph-chart canvas"))).isNotEmpty();
		assertThat(text("[data-check=graph-same]")).contains("same people");

		run("transfers", "transfers");
		assertThat(text("[data-check=acid]")).contains("drift 0.00");
		assertThat(text("[data-check=base]")).doesNotContain("drift 0.00");
		run("transfers", "eventual");
		assertThat(text("[data-check=eventual-before]")).contains("did not have");
		assertThat(text("[data-check=eventual-lag]")).contains("Visible after the relay");

		run("index", "index");
		assertThat(text("[data-check=index-before]")).contains("Seq Scan");
		assertThat(text("[data-check=index-after]")).doesNotContain("Seq Scan");

		List<WebElement> questions = this.browser.findElements(By.cssSelector("#choice-questions input"));
		assertThat(questions).hasSize(8);
		questions.get(0).click();
		questions.get(4).click();
		assertThat(text("[data-check=choice]")).contains("PostgreSQL").contains("Neo4j");

		screenshot();
	}

	/** Clicks the panel's button and waits for the panel to finish that run. */
	private void run(String demo, String action) {
		WebElement section = this.browser.findElement(By.id("demo-" + demo));
		String before = String.valueOf(section.getDomAttribute("data-done"));
		section.findElement(By.cssSelector("button[data-action='" + action + "']")).click();
		waitUntil(action + " to finish", PANEL_LIMIT,
				() -> !before.equals(String.valueOf(section.getDomAttribute("data-done"))));
		List<WebElement> problems = section.findElements(By.cssSelector(".output .problem"));
		assertThat(problems).as("problem shown by %s", action).isEmpty();
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	private void setValue(String css, String value) {
		WebElement input = this.browser.findElement(By.cssSelector(css));
		input.clear();
		input.sendKeys(value);
	}

	private void waitUntil(String what, Duration limit, java.util.function.BooleanSupplier condition) {
		// the page re-renders its store cards as fresh figures arrive: an element found a
		// moment ago may be gone by the time it is read, so a stale one means "look
		// again"
		new WebDriverWait(this.browser, limit).withMessage("waiting for " + what)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

	/**
	 * The whole page at 1440 px wide: statements of the first panel open, the others
	 * folded so the picture stays readable.
	 */
	private void screenshot() throws IOException {
		JavascriptExecutor js = (JavascriptExecutor) this.browser;
		js.executeScript("document.querySelectorAll('details.steps-wrap').forEach((d, i) => d.open = i === 0);"
				+ "window.scrollTo(0, 0);");
		long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
		this.browser.manage().window().setSize(new Dimension(1440, (int) Math.min(height + 40, 12000)));
		File shot = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE);
		Path target = repositoryRoot().resolve("docs/demo-page.png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("modules")))) {
			dir = dir.getParent();
		}
		return (dir != null) ? dir : Path.of("").toAbsolutePath();
	}

}
