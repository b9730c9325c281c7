package dev.crabbox.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.portal.support.PortalServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markup in every user-controlled value that reaches a page (owner and org names, run commands,
 * log text, event payloads and type filters, runner names, workflows, jobs and labels, the login
 * page's return path, a mistyped lease id) stays text: escaped, never a tag, handler or link.
 */
@ExtendWith(VertxExtension.class)
class PortalXssTest {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "\"><img src=x onerror=alert(2)>";
  private static final String SVG = "'><svg onload=alert(3)>";
  private static final String JS_URL = "javascript:alert(4)";
  private static final String ALL = SCRIPT + IMG + SVG + JS_URL;

  private PortalServer portal;
  private String token;
  private String session;
  private String admin;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    portal = PortalServer.start(vertx, dataDir);
    token = portal.token("mallory" + SCRIPT + IMG, "org" + SVG);
    session = portal.login(token);
    admin = portal.login(portal.adminToken());
  }

  @AfterEach
  void stop() {
    portal.stop();
  }

  @Test
  void everyUserControlledValueStaysInert() {
    String lease = portal.lease(token, true, true, true).getString("slug");
    portal.share(token, lease, Map.of("bob", "use"), "use");
    String run = portal.run(token, lease, "echo " + ALL);
    portal.log(token, run, "log line " + ALL + "\n");
    portal.event(token, run, "step.done", new JsonObject().put("message", ALL)
        .put(SCRIPT, IMG));
    portal.telemetry(token, run, 1, 2, 3);
    portal.junit(token, run, new JsonObject().put("suites", 1).put("tests", 1)
        .put("failures", 1).put("errors", 0).put("skipped", 0).put("timeSeconds", 1)
        .put("failedTests", new io.vertx.core.json.JsonArray().add("Test" + ALL)));
    portal.syncRunners(token, new JsonObject().put("id", "tbx_xss").put("status", "queued")
        .put("name", "runner" + ALL).put("repo", "acme/widgets").put("runId", "42")
        .put("workflow", "wf" + ALL).put("job", "job" + ALL)
        .put("labels", new JsonObject().put("label", ALL)));

    List<String> userPages = List.of("/portal", "/portal?state=all&q=" + encode(SCRIPT),
        "/portal/leases/" + lease, "/portal/leases/" + lease + "/share", "/portal/runs/" + run,
        "/portal/runs/" + run + "?type=" + encode("step" + SCRIPT),
        "/portal/runners/blacksmith-testbox/tbx_xss", "/portal/leases/" + encode(ALL));
    for (String page : userPages) {
      assertInert(page, portal.get(page, session));
    }
    for (String page : List.of("/portal", "/portal?scope=system", "/portal/leases/" + lease)) {
      assertInert("admin " + page, portal.get(page, admin));
    }
    assertInert("login", portal.get("/portal/login?next=" + encode("/portal" + ALL), null));

    String runPage = portal.get("/portal/runs/" + run, session).bodyAsString();
    assertTrue(runPage.contains("echo &lt;script&gt;alert(1)&lt;/script&gt;"),
        "the payload reached the page, escaped");
    assertTrue(portal.get("/portal", admin).bodyAsString().contains("runner&lt;script&gt;"),
        "the runner row is on the admin index, escaped");
  }

  private static void assertInert(String page, HttpResponse<Buffer> response) {
    String html = response.bodyAsString();
    assertTrue(response.getHeader("Content-Type").startsWith("text/html"), page);
    assertFalse(html.contains("<script>alert"), page + ": " + html);
    assertFalse(html.contains("<img src=x"), page + ": " + html);
    assertFalse(html.contains("<svg onload"), page + ": " + html);
    assertFalse(html.contains("href=\"javascript:"), page + ": " + html);
    assertFalse(html.contains("src=\"javascript:"), page + ": " + html);
    assertEquals(1, html.split("<script", -1).length - 1, page + ": only the portal's own script");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
