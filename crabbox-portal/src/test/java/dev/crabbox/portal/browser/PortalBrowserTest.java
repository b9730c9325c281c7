package dev.crabbox.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.portal.support.PortalServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real headless Chromium against a real coordinator, with state seeded through
 * the {@code /v1} API: token login, the index's default view, filters, sorting and pagination,
 * telemetry sparklines and pills, sharing, stopping a lease, and the run page's log copy and
 * event filter. Screenshots land in {@code target/screenshots/}.
 */
class PortalBrowserTest {

  private static Vertx vertx;
  private static PortalServer portal;
  private static ChromeDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void start(@TempDir Path dataDir) {
    Chromium.assumeInstalled();
    vertx = Vertx.vertx();
    portal = PortalServer.start(vertx, dataDir);
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (portal != null) {
      portal.stop();
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
  }

  @BeforeEach
  void signedOut() {
    browser.get(portal.browserBase() + "/portal/login");
    browser.manage().deleteAllCookies();
  }

  private void open(String path) {
    browser.get(portal.browserBase() + path);
  }

  /** Signs in through the login form with a bearer token of {@code owner}. */
  private void signIn(String token) {
    open("/portal/login");
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.cssSelector("#token-login button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
  }

  private List<WebElement> visibleRows(String table) {
    return browser.findElements(By.cssSelector(table + " tbody tr:not(.empty)")).stream()
        .filter(WebElement::isDisplayed).toList();
  }

  @Test
  void tokenLoginBringsTheBrowserBackToThePageItWanted() {
    String lease = portal.lease(portal.token("lena", "acme"), false, false, false)
        .getString("slug");
    open("/portal/leases/" + lease);
    wait.until(ExpectedConditions.urlContains("/portal/login"));
    Chromium.screenshot(browser, "login");
    browser.findElement(By.id("token")).sendKeys(portal.token("lena", "acme"));
    browser.findElement(By.cssSelector("#token-login button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lease-slug")));
    assertEquals(lease, browser.findElement(By.id("lease-slug")).getText());
    assertEquals("lena (acme)", browser.findElement(By.id("who")).getText());
    assertTrue(browser.manage().getCookieNamed("__Host-crabbox_session").isHttpOnly());

    browser.findElement(By.cssSelector("header.top form button")).click();
    wait.until(ExpectedConditions.urlContains("/portal/login"));
    open("/portal");
    wait.until(ExpectedConditions.urlContains("/portal/login"));
  }

  @Test
  void theIndexDefaultsToActiveLeasesAndFilters() {
    String token = portal.token("ivan", "acme");
    String linux = portal.lease(token, true, false, false).getString("slug");
    String mac = lease(token, "macos");
    String ended = portal.lease(token, false, false, true).getString("slug");
    portal.coordinator().post("/v1/leases/" + ended + "/release", token, null);
    signIn(token);
    open("/portal");
    Chromium.screenshot(browser, "index-default");
    assertEquals("Showing active leases; choose All to see ended ones.",
        browser.findElement(By.id("default-note")).getText());
    assertEquals(sorted(List.of(mac, linux)), sorted(names()));
    WebElement linuxRow = browser.findElement(By.xpath(
        "//tr[.//a[text()='" + linux + "']]"));
    assertEquals(List.of("VNC desktop available"), linuxRow.findElements(By.cssSelector(
        ".cap.on")).stream().map(icon -> icon.getAttribute("aria-label")).toList(),
        "icon-only capability cells: this lease has the desktop only");

    browser.findElement(By.linkText("All")).click();
    wait.until(ExpectedConditions.urlContains("state=all"));
    assertEquals(3, names().size());
    assertTrue(names().contains(ended));

    new Select(browser.findElement(By.id("target-filter"))).selectByValue("macos");
    wait.until(ExpectedConditions.urlContains("target=macos"));
    Chromium.screenshot(browser, "index-filtered");
    assertEquals(List.of(mac), names());

    open("/portal?state=ended");
    assertEquals(List.of(ended), names());

    open("/portal?state=all");
    WebElement search = browser.findElement(By.id("search"));
    search.sendKeys(linux);
    assertEquals(List.of(linux), visibleRows("#lease-grid").stream()
        .map(row -> row.findElement(By.cssSelector("td a")).getText()).toList(),
        "typing filters the rows in place");
  }

  private static String lease(String token, String target) {
    return portal.coordinator().post("/v1/leases", token, new JsonObject().put("target", target))
        .bodyAsJsonObject().getString("slug");
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }

  private List<String> names() {
    return browser.findElements(By.cssSelector("#lease-grid tbody a.lease-link")).stream()
        .map(WebElement::getText).toList();
  }

  @Test
  void theIndexPagesAndSorts() {
    String token = portal.token("paula", "acme");
    for (int i = 0; i < 30; i++) {
      portal.lease(token, false, false, false);
    }
    signIn(token);
    open("/portal");
    assertEquals(25, names().size());
    assertEquals("1–25 of 30 · page 1 of 2", browser.findElement(By.id("page-info")).getText());
    browser.findElement(By.id("next-page")).click();
    wait.until(ExpectedConditions.urlContains("page=2"));
    assertEquals(5, names().size());
    Chromium.screenshot(browser, "index-page-2");

    open("/portal");
    browser.findElement(By.linkText("Lease")).click();
    wait.until(ExpectedConditions.urlContains("sort=name"));
    List<String> ascending = names();
    assertEquals(ascending.stream().sorted().toList(), ascending);
    assertEquals("ascending", browser.findElement(By.cssSelector("th[aria-sort=ascending]"))
        .getAttribute("aria-sort"));
    browser.findElement(By.partialLinkText("Lease")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("th[aria-sort=descending]")));
    List<String> descending = names();
    assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
        descending);
    Chromium.screenshot(browser, "index-sorted");
  }

  @Test
  void leaseDetailDrawsSparklinesAndPillsFromSeededTelemetry() {
    String token = portal.token("tara", "acme");
    String lease = portal.lease(token, true, true, true).getString("slug");
    String run = portal.run(token, lease, "make stress");
    portal.telemetry(token, run, 2.5, 40, 50);
    portal.telemetry(token, run, 9.0, 70, 80);
    portal.telemetry(token, run, 18.25, 91, 96);
    signIn(token);
    open("/portal/leases/" + lease);
    Chromium.screenshot(browser, "lease-telemetry");
    assertEquals(List.of("high load", "high memory", "high disk"), pills());
    assertEquals(3, browser.findElements(By.cssSelector("#telemetry svg.sparkline polyline"))
        .size());
    String points = browser.findElement(By.cssSelector("#gauge-load1 polyline"))
        .getAttribute("points");
    assertEquals(3, points.split(" ").length, points);
    assertEquals("load1 18.25", browser.findElement(By.cssSelector("#gauge-load1 figcaption"))
        .getText());
    assertEquals("crabbox ssh --id " + lease, browser.findElement(By.id("cmd-ssh")).getText());

    portal.coordinator().clock().advance(Duration.ofMinutes(11));
    portal.coordinator().post("/v1/leases/" + lease + "/heartbeat", token, null);
    open("/portal/leases/" + lease);
    assertEquals(List.of("stale telemetry", "high load", "high memory", "high disk"), pills());
    Chromium.screenshot(browser, "lease-stale-telemetry");
  }

  private List<String> pills() {
    return browser.findElements(By.cssSelector("#telemetry-pills .pill")).stream()
        .map(WebElement::getText).toList();
  }

  @Test
  void anOwnerSharesTheLeaseAndTheOtherUserOpensIt() {
    String owner = portal.token("olga", "acme");
    String lease = portal.lease(owner, false, false, false).getString("slug");
    signIn(owner);
    open("/portal/leases/" + lease);
    browser.findElement(By.id("share-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("share-user")));
    browser.findElement(By.id("share-user")).sendKeys("bert");
    new Select(browser.findElement(By.id("share-access"))).selectByValue("use");
    browser.findElement(By.cssSelector("#share-add button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-grid"), "bert"));
    Chromium.screenshot(browser, "share");

    browser.manage().deleteAllCookies();
    signIn(portal.token("bert", "other"));
    open("/portal");
    assertEquals(List.of(lease), names());
    open("/portal/leases/" + lease);
    assertEquals(lease, browser.findElement(By.id("lease-slug")).getText());
    assertTrue(browser.findElements(By.id("release-button")).isEmpty(), "use cannot stop");
    assertTrue(browser.findElements(By.id("share-link")).isEmpty(), "use cannot share");
    Chromium.screenshot(browser, "lease-as-use-share");

    open("/portal/leases/no-such-lease");
    assertEquals("lease_not_found", browser.findElement(By.id("error-code")).getText());
    Chromium.screenshot(browser, "error-404");
  }

  @Test
  void theOwnerStopsTheLease() {
    String token = portal.token("rita", "acme");
    String lease = portal.lease(token, false, false, false).getString("slug");
    signIn(token);
    open("/portal/leases/" + lease);
    assertEquals("active", browser.findElement(By.id("lease-state")).getText());
    browser.findElement(By.id("release-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("lease-state"), "released"));
    assertTrue(browser.findElements(By.id("release-button")).isEmpty());
    assertEquals("released", portal.coordinator().get("/v1/leases/" + lease, token)
        .bodyAsJsonObject().getString("state"));
    Chromium.screenshot(browser, "lease-released");
  }

  @Test
  void runDetailCopiesTheLogAndFiltersEvents() {
    String token = portal.token("ruth", "acme");
    String lease = portal.lease(token, false, false, false).getString("slug");
    String run = portal.run(token, lease, "mvn test");
    portal.event(token, run, "command.started", new JsonObject().put("cwd", "/work"));
    portal.event(token, run, "test.failed", new JsonObject().put("name", "FooTest.bar"));
    portal.event(token, run, "command.finished", new JsonObject().put("exit", 1));
    portal.log(token, run, "compiling\nrunning tests\nFooTest.bar FAILED\n");
    portal.telemetry(token, run, 1, 30, 40);
    portal.telemetry(token, run, 3, 35, 41);
    portal.junit(token, run, new JsonObject().put("suites", 1).put("tests", 4)
        .put("failures", 1).put("errors", 0).put("skipped", 0).put("timeSeconds", 2.5)
        .put("failedTests", new io.vertx.core.json.JsonArray().add("FooTest.bar")));
    portal.finish(token, run, 1);
    signIn(token);
    open("/portal/runs/" + run);
    Chromium.screenshot(browser, "run");
    assertEquals("mvn test", browser.findElement(By.id("run-command")).getText());
    assertEquals("1", browser.findElement(By.id("run-exit")).getText());
    assertTrue(browser.findElement(By.id("junit")).getText().contains("4 tests in 1 suites"));
    assertEquals(3, browser.findElements(By.cssSelector("#telemetry polyline")).size());
    assertEquals(3, visibleRows("#events-grid").size());

    WebElement copy = browser.findElement(By.id("copy-log"));
    copy.click();
    wait.until(ExpectedConditions.attributeToBe(copy, "data-copied", "true"));
    assertEquals("compiling\nrunning tests\nFooTest.bar FAILED",
        browser.findElement(By.id("log-tail")).getText());

    browser.findElement(By.linkText("test.failed")).click();
    wait.until(ExpectedConditions.urlContains("type=test.failed"));
    List<WebElement> rows = visibleRows("#events-grid");
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).getText().contains("FooTest.bar"));
    Chromium.screenshot(browser, "run-events-filtered");

    open("/portal/runs/" + run);
    browser.findElement(By.id("event-search")).sendKeys("finished");
    assertEquals(1, visibleRows("#events-grid").size(), "typing filters events in place");

    open("/portal/runs/" + run + "/logs");
    assertTrue(browser.findElement(By.tagName("body")).getText().contains("FooTest.bar FAILED"));
  }

  @Test
  void adminsSeeExternalRunnersMutedWithTheirDetailPage() {
    String token = portal.token("sam", "acme");
    portal.syncRunners(token, new JsonObject().put("id", "tbx_browser").put("status", "queued")
        .put("name", "ci-runner").put("repo", "acme/widgets").put("runId", "77")
        .put("workflow", "ci.yml"));
    signIn(token);
    open("/portal?state=all");
    assertTrue(browser.findElements(By.cssSelector("tr.runner")).isEmpty(),
        "runners never reach a normal user's index");
    browser.manage().deleteAllCookies();
    signIn(portal.adminToken());
    open("/portal?scope=system&state=all");
    WebElement row = browser.findElement(By.cssSelector("tr.runner"));
    assertEquals("true", row.getAttribute("aria-disabled"));
    assertTrue(row.getText().contains("blacksmith testbox stop tbx_browser"), row.getText());
    Chromium.screenshot(browser, "index-runners");
    row.findElement(By.linkText("ci-runner")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runner-name")));
    assertEquals("https://github.com/acme/widgets/actions/runs/77",
        browser.findElement(By.id("actions-link")).getAttribute("href"));
    assertFalse(browser.findElement(By.tagName("main")).getText().isEmpty());
    Chromium.screenshot(browser, "runner");
  }
}
