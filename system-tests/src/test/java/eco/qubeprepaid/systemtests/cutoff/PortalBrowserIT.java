package eco.qubeprepaid.systemtests.cutoff;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab.Premise;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tenant portal in a real browser (Debian's headless Chromium through Selenium), on a
 * phone-sized window 360 px wide: a tenant at zero with the power cut signs in with their
 * link, tops up ₹200 through the gateway's checkout page, and lands back on the portal,
 * which follows the top-up until the new balance is on the meter and the power is on; the
 * sandbox's meter shows that balance and its relay closed. Screenshots in English and
 * Hindi are kept under {@code target/screenshots} (Devanagari needs a font such as
 * Debian's {@code fonts-lohit-deva}, which {@code .ci/run} installs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

	/** Debian's chromium and chromium-driver (installed by .ci/run). */
	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String DRIVER = "/usr/bin/chromedriver";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration BOUND = Duration.ofSeconds(45);

	/** The phone width the pages must fit, in CSS pixels. */
	private static final int PHONE_WIDTH = 360;

	private final CutoffLab lab = new CutoffLab();

	private final SystemUnderTest system = SystemUnderTest.get();

	private WebDriver browser;

	@BeforeAll
	void openBrowser() throws IOException {
		assertThat(new File(CHROMIUM)).as("Chromium (apt-get install chromium chromium-driver)").exists();
		assertThat(new File(DRIVER)).as("chromium-driver (apt-get install chromium-driver)").exists();
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=360,800", "--lang=en-IN");
		// A phone's viewport: 360 CSS px wide (a headless window alone is never narrower
		// than 500 px).
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", PHONE_WIDTH, "height", 780, "pixelRatio", 1.0)));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@AfterEach
	void pause() {
		this.lab.pause();
	}

	@Test
	void aCutTenantSignsInTopsUpTwoHundredRupeesAtTheCheckoutAndGetsThePowerBack() throws IOException {
		Premise premise = this.lab.newPremises(1, MeterMode.PREPAID, 0).get(0);
		assertThat(this.lab.relayOn(premise)).as("a PREPAID meter at zero has cut itself").isFalse();
		this.lab.awaitFirstReading(premise);
		JsonNode tenant = this.system.payment("POST", "/api/tenants",
				Map.of("premiseId", premise.id(), "name", "Asha Verma", "language", "en", "reason", "move-in"));
		String link = this.system
			.payment("POST", "/api/tenants/" + tenant.get("tenantId").asString() + "/sign-in-link", Map.of())
			.get("url")
			.asString();

		this.browser.get(link);
		assertThat(text("balance")).isEqualTo("₹0.00");
		await("the supply shown off").atMost(BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			this.browser.navigate().refresh();
			assertThat(this.browser.findElement(By.id("supply")).getAttribute("data-supply")).isEqualTo("OFF");
		});
		assertFitsThePhone();
		screenshot("portal-home-en-cut");

		this.browser.findElement(By.id("top-up-200")).click();
		await("the gateway's checkout page").atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.browser.getCurrentUrl())
				.startsWith(this.system.sandboxUrl() + "/checkout/order_"));
		assertThat(this.browser.getPageSource()).contains("200.00");
		this.browser.findElement(By.id("method-upi")).click();
		this.browser.findElement(By.id("vpa")).sendKeys("asha@upi");
		screenshot("gateway-checkout");
		this.browser.findElement(By.id("pay")).click();

		await("back on the portal, the top-up on the meter and the power on").atMost(BOUND)
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.untilAsserted(() -> {
				assertThat(this.browser.getCurrentUrl()).startsWith(this.system.paymentUrl() + "/portal/top-ups/");
				assertThat(step("step-paid")).isEqualTo("DONE");
				assertThat(step("step-credited")).isEqualTo("DONE");
				assertThat(step("step-on-meter")).isEqualTo("DONE");
				assertThat(step("step-power")).isEqualTo("DONE");
				assertThat(text("new-balance")).isEqualTo("₹200.00");
			});
		assertFitsThePhone();
		screenshot("portal-top-up-done-en");
		assertThat(this.lab.meterBalance(premise)).as("balance on the meter").isEqualTo(20_000);
		assertThat(this.lab.relayOn(premise)).as("relay at the sandbox").isTrue();

		this.browser.findElement(By.id("back")).click();
		await("the home page").atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(text("balance")).isEqualTo("₹200.00"));
		assertThat(this.browser.findElement(By.id("top-ups")).getText()).contains("₹200.00");
		new Select(this.browser.findElement(By.id("lang"))).selectByValue("hi");
		this.browser.findElement(By.id("change-language")).click();
		await("the page in Hindi").atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang"))
				.isEqualTo("hi"));
		assertThat(this.browser.getPageSource()).contains("रिचार्ज करें").contains("बैलेंस");
		assertThat(text("balance")).isEqualTo("₹200.00");
		assertFitsThePhone();
		screenshot("portal-home-hi");
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText().trim();
	}

	private String step(String id) {
		return this.browser.findElement(By.id(id)).getAttribute("data-step");
	}

	/** Nothing wider than the 360 px window: no sideways scrolling on a phone. */
	private void assertFitsThePhone() {
		Object width = ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth;");
		Object viewport = ((JavascriptExecutor) this.browser).executeScript("return window.innerWidth;");
		assertThat(((Number) viewport).intValue()).as("the viewport").isEqualTo(PHONE_WIDTH);
		assertThat(((Number) width).longValue()).as("page width at %s px", viewport).isLessThanOrEqualTo(PHONE_WIDTH);
	}

	private void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
