package org.canonicalregistry.registry.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The owners' console end to end in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * driven by Selenium), on real PostgreSQL with the sample models: the owner of {@code customer} signs in, finds the
 * proposals in the inbox, reads the diff and a witness, approves, and sees the version published; the proposer cannot
 * approve her own change even by re-enabling the button; an XSS payload stays text; a form without its CSRF token is
 * refused. Pages are checked at 1280 px and 390 px, and screenshots go to {@code target/console-screenshots/} and,
 * when the repository's {@code docs/images/} is there, replace the ones the docs show.
 *
 * <p>Outside CI, a machine without the browser skips this test with a message; with {@code CI=true} it fails.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "registry.samples.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Path DOCS_IMAGES = Path.of("..", "docs", "images");

    @LocalServerPort
    int port;

    ConsoleFixture fixture;
    WebDriver browser;
    Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: "
                    + ".ci/run installs Debian's chromium and chromium-driver");
        }
        assumeTrue(present, "Skipping the console browser test: install Debian's chromium and chromium-driver ("
                + CHROMIUM + ", " + CHROMEDRIVER + ") to run it; with CI=true it is required");
        fixture = new ConsoleFixture(port);
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // The flags this machine's closed network needs, and a fresh profile each run.
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theOwnerSignsInAndFindsBothProposalsInTheInbox() {
        signIn(fixture.samToken);

        assertThat(text("#headline")).isEqualTo("2 changes await your decision.");
        assertThat(browser.findElements(By.cssSelector("#awaiting tbody tr"))).hasSize(2);
        fitsAt390("/");
        screenshot("inbox");
    }

    @Test
    @Order(2)
    void theOwnerReadsTheBreakingChangeItsDiffAWitnessAndTheImpact() {
        open("/proposals/" + fixture.breaking);

        assertThat(text("#verdict")).contains("✗ breaking");
        assertThat(text("#changes")).contains("REQUIRED");
        WebElement witness = browser.findElement(By.cssSelector("#witnesses .witness"));
        assertThat(witness.getText()).contains("accepted by 1.0, rejected by proposed 2.0");
        assertThat(witness.findElement(By.tagName("pre")).getText()).startsWith("{");
        assertThat(browser.findElements(By.cssSelector("#diff tr.d-added, #diff tr.d-changed"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#impact tbody tr"))).isNotEmpty();
        // A typed change links to its line in the diff.
        WebElement link = browser.findElement(By.cssSelector("#changes a[href^='#row-']"));
        String row = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
        assertThat(browser.findElements(By.id(row))).hasSize(1);
        screenshot("proposal");
        fitsAt390("/proposals/" + fixture.breaking);
    }

    @Test
    @Order(3)
    void anXssPayloadInADescriptionRendersAsText() {
        open("/proposals/" + fixture.compatible);

        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThat(text("h1")).contains("<script>document.title='pwned'</script>");
        assertThat(browser.getPageSource()).doesNotContain("<img src=\"x\"");
    }

    @Test
    @Order(4)
    void aFormWhoseCsrfTokenWasRemovedIsRefused() {
        open("/proposals/" + fixture.compatible);
        js("document.querySelector('#decide input[name=_csrf]').remove()");
        browser.findElement(By.id("comment")).sendKeys("without a token");
        submit(browser.findElement(By.id("approve")));

        waitFor("h1");
        assertThat(text("main")).contains("security token (CSRF)").contains("nothing was changed");
        assertThat(fixture.proposal(fixture.compatible).path("state").asString()).isEqualTo("OPEN");
    }

    @Test
    @Order(5)
    void theProposersApproveIsDisabledWithTheReasonAndForcingItIsRefused() {
        signOut();
        signIn(fixture.doraToken);
        open("/proposals/" + fixture.compatible);
        WebElement approve = browser.findElement(By.id("approve"));
        assertThat(approve.isEnabled()).isFalse();
        assertThat(text("#approve-reason")).startsWith("You proposed this change; nobody approves their own change.");

        String before = fixture.proposal(fixture.compatible).toString();
        js("document.getElementById('approve').removeAttribute('disabled')");
        submit(approve);

        waitFor("h1");
        assertThat(text("main")).contains("403").contains("cannot approve it");
        assertThat(fixture.proposal(fixture.compatible).toString()).isEqualTo(before);
        signOut();
    }

    @Test
    @Order(6)
    void theOwnerApprovesWithACommentAndTheVersionIsPublished() {
        signIn(fixture.samToken);
        open("/proposals/" + fixture.compatible);
        browser.findElement(By.id("comment")).sendKeys("fine for sales");
        submit(browser.findElement(By.id("approve")));

        waitFor("#notice");
        assertThat(text("#notice")).isEqualTo("Approved. Version 1.1 of customer is published.");
        assertThat(text("#state")).contains("published").contains("customer@1.1");
        assertThat(text("#history")).contains("fine for sales");

        open("/entities/customer");
        assertThat(text("#versions")).contains("1.1");
        screenshot("entity");
        open("/entities/customer/versions/1.1");
        assertThat(text("#fields")).contains("loyaltyTier").contains("<script>document.title='pwned'</script>");
        assertThat(browser.getTitle()).doesNotContain("pwned");
        screenshot("version");
        fitsAt390("/entities/customer/versions/1.1");
    }

    @Test
    @Order(7)
    void flowsTheMapAndTheAuditTrailRender() {
        open("/flows");
        assertThat(browser.findElements(By.cssSelector("#flows tbody tr"))).hasSizeGreaterThan(3);
        screenshot("flows");
        fitsAt390("/flows");

        fixture.reportRuns(port, "crm-to-billing-customer", 12);
        open("/flows/crm-to-billing-customer");
        assertThat(browser.findElements(By.cssSelector(".chart svg rect"))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.findElements(By.cssSelector("#runs tbody tr"))).hasSize(12);
        assertThat(text("#health-detail")).isNotBlank();
        screenshot("flow");
        fitsAt390("/flows/crm-to-billing-customer");

        open("/map?entity=customer");
        assertThat(browser.findElements(By.cssSelector("#map svg"))).hasSize(1);
        screenshot("map");

        open("/audit");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("chain-status")));
        assertThat(text("#chain-status")).startsWith("✓ chain intact");
        assertThat(text("#events")).contains("proposal.");
        screenshot("audit");
    }

    private void signIn(String token) {
        open("/sign-in");
        browser.findElement(By.id("token")).sendKeys(token);
        submit(browser.findElement(By.cssSelector("main form button[type=submit]")));
        waitFor("#headline");
    }

    private void signOut() {
        open("/");
        submit(browser.findElement(By.cssSelector("header form button")));
        waitFor("#token");
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
        waitFor("main");
    }

    /**
     * Clicks a submit button and waits until the page it was on is gone: the next page has elements the old one
     * also had ({@code h1}, {@code main}), so waiting for those alone could read the old page as it unloads.
     */
    private void submit(WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    private void waitFor(String css) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** At a phone's 390 px the page needs no sideways scrolling (wide tables scroll inside their own box). */
    private void fitsAt390(String path) {
        Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            open(path);
            Number overflow = (Number) js("return document.documentElement.scrollWidth - "
                    + "document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("horizontal overflow of %s at 390 px", path).isLessThanOrEqualTo(0);
            if ("/".equals(path)) {
                screenshot("inbox-390");
            }
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private void screenshot(String name) {
        Path shot = SCREENSHOTS.resolve("console-" + name + ".png");
        try {
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            if (Files.isDirectory(DOCS_IMAGES)) {
                Files.copy(shot, DOCS_IMAGES.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot " + shot, e);
        }
    }

}
