package dev.crabbox.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.portal.security.OriginCheck;
import dev.crabbox.portal.support.PortalServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Origin checks, security headers, secrets that never reach a page, and indistinguishable 404s. */
@ExtendWith(VertxExtension.class)
class PortalSecurityTest {

  private static final Pattern NONCE = Pattern.compile("<script nonce=\"([^\"]+)\"");

  private PortalServer portal;
  private String aliceToken;
  private String alice;
  private String lease;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    portal = PortalServer.start(vertx, dataDir);
    aliceToken = portal.token("alice", "acme");
    alice = portal.login(aliceToken);
    lease = portal.lease(aliceToken, true, true, true).getString("slug");
  }

  @AfterEach
  void stop() {
    portal.stop();
  }

  @Test
  void cookiePostsFromAnotherOriginOrWithoutOneAreRefused() {
    for (String origin : new String[] {null, "https://evil.example", "null",
        portal.origin() + ".evil.example"}) {
      HttpResponse<Buffer> response = portal.post("/portal/leases/" + lease + "/release", alice,
          MultiMap.caseInsensitiveMultiMap(), origin);
      assertEquals(403, response.statusCode(), "origin " + origin);
      assertTrue(response.getHeader("Content-Security-Policy").contains("'nonce-" + nonce(response)
          + "'"), "the refusal page has its nonce too");
      assertTrue(response.bodyAsString().contains(OriginCheck.ERROR), response.bodyAsString());
    }
    assertEquals("active", portal.coordinator().get("/v1/leases/" + lease, aliceToken)
        .bodyAsJsonObject().getString("state"), "no refused request stopped the lease");
    assertEquals(303, portal.post("/portal/leases/" + lease + "/release", alice,
        MultiMap.caseInsensitiveMultiMap()).statusCode(), "the same post from the portal works");
    assertEquals("released", portal.coordinator().get("/v1/leases/" + lease, aliceToken)
        .bodyAsJsonObject().getString("state"));
  }

  @Test
  void loginAndLogoutNeedThePortalsOriginToo() {
    HttpResponse<Buffer> login = portal.post("/portal/login", null,
        MultiMap.caseInsensitiveMultiMap().add("token", aliceToken), null);
    assertEquals(403, login.statusCode());
    assertTrue(login.cookies().isEmpty(), "no session for a cross-site login");
    assertEquals(403, portal.post("/portal/logout", alice, MultiMap.caseInsensitiveMultiMap(),
        "https://evil.example").statusCode());
  }

  @Test
  void everyPageCarriesAFreshNonceCspAndTheHardeningHeaders() {
    HttpResponse<Buffer> first = portal.get("/portal", alice);
    HttpResponse<Buffer> second = portal.get("/portal/leases/" + lease, alice);
    String firstNonce = nonce(first);
    String secondNonce = nonce(second);
    assertNotEquals(firstNonce, secondNonce, "a nonce is per response");
    for (HttpResponse<Buffer> response : java.util.List.of(first, second)) {
      String csp = response.getHeader("Content-Security-Policy");
      assertTrue(csp.startsWith("default-src 'self'; script-src 'nonce-" + nonce(response) + "'"),
          csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), csp);
      assertFalse(csp.contains("unsafe-inline"), csp);
      assertEquals("nosniff", response.getHeader("X-Content-Type-Options"));
      assertEquals("same-origin", response.getHeader("Referrer-Policy"));
    }
    assertTrue(portal.get("/portal/login", null).getHeader("Content-Security-Policy")
        .contains("frame-ancestors 'none'"), "the login page too");
  }

  private static String nonce(HttpResponse<Buffer> response) {
    Matcher matcher = NONCE.matcher(response.bodyAsString());
    assertTrue(matcher.find(), response.bodyAsString());
    return matcher.group(1);
  }

  @Test
  void anInvisibleLeaseLooksExactlyLikeAnUnknownOne() {
    String eve = portal.login(portal.token("eve", "elsewhere"));
    String unknown = "cbx_000000000000";
    HttpResponse<Buffer> invisible = portal.get("/portal/leases/" + lease, eve);
    HttpResponse<Buffer> missing = portal.get("/portal/leases/" + unknown, eve);
    assertEquals(404, invisible.statusCode());
    assertEquals(404, missing.statusCode());
    assertEquals(normalized(missing.bodyAsString(), unknown),
        normalized(invisible.bodyAsString(), lease));
    String run = portal.run(aliceToken, lease, "true");
    String unknownRun = run.substring(0, run.length() - 4) + "0000";
    assertEquals(normalized(portal.get("/portal/runs/" + unknownRun, eve).bodyAsString(),
            unknownRun),
        normalized(portal.get("/portal/runs/" + run, eve).bodyAsString(), run));
  }

  private static String normalized(String html, String id) {
    return html.replace(id, "ID").replaceAll("nonce=\"[^\"]+\"", "nonce=\"N\"");
  }

  @Test
  void aBadTokenIsRefusedWithoutEchoingIt() {
    String bogus = "not-a-token-<script>alert(1)</script>";
    HttpResponse<Buffer> response = portal.post("/portal/login", null,
        MultiMap.caseInsensitiveMultiMap().add("token", bogus));
    assertEquals(401, response.statusCode());
    assertTrue(response.bodyAsString().contains("That token is not valid for this coordinator."));
    assertFalse(response.bodyAsString().contains("not-a-token"));
    assertTrue(response.cookies().isEmpty());
  }

  @Test
  void noTokenOrTicketEverReachesAPage() {
    JsonObject ticket = portal.coordinator().ticket(aliceToken, lease, new JsonObject()
        .put("role", "host").put("profile", "slack")
        .put("allow", new JsonArray().add("example.com").add("*.example.org").add("a.test")
            .add("b.test")));
    String html = portal.get("/portal/leases/" + lease, alice).bodyAsString();
    assertTrue(html.contains("session active"), html);
    assertTrue(html.contains("profile slack"), html);
    JsonArray allow = portal.coordinator().get("/v1/leases/" + lease + "/egress/status",
        aliceToken).bodyAsJsonObject().getJsonArray("allow");
    assertTrue(allow.size() > 3, allow.encode());
    assertTrue(html.contains(allow.getString(0) + ", " + allow.getString(1) + ", "
        + allow.getString(2) + " and " + (allow.size() - 3) + " more"), html);
    assertTrue(html.contains("crabbox egress status --id " + lease), html);
    assertFalse(html.contains(ticket.getString("ticket")), "the ticket never reaches the page");
    assertFalse(html.contains(aliceToken), "the bearer token never reaches the page");
    assertFalse(html.contains(alice), "the session cookie value never reaches the page");
  }

  @Test
  void logoutClearsTheCookieAndLoginOnlyReturnsToPortalPages() {
    HttpResponse<Buffer> logout = portal.post("/portal/logout", alice,
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(303, logout.statusCode());
    assertTrue(logout.cookies().get(0).toLowerCase(java.util.Locale.ROOT).contains("max-age=0"),
        logout.cookies().toString());
    for (String next : new String[] {"//evil.example/portal", "https://evil.example",
        "/portal/../v1", "/\\evil.example"}) {
      HttpResponse<Buffer> login = portal.post("/portal/login", null,
          MultiMap.caseInsensitiveMultiMap().add("token", aliceToken).add("next", next));
      String location = login.getHeader("Location");
      assertEquals("/portal", location, next);
    }
    HttpResponse<Buffer> back = portal.post("/portal/login", null,
        MultiMap.caseInsensitiveMultiMap().add("token", aliceToken)
            .add("next", "/portal/leases/" + lease));
    assertEquals("/portal/leases/" + lease, back.getHeader("Location"));
  }

  @Test
  void accessGatewayIdentityHeadersGrantNothing() {
    HttpResponse<Buffer> response = portal.get("/portal/leases/" + lease, null, java.util.Map.of(
        "Cf-Access-Authenticated-User-Email", "alice@acme.example",
        "X-Forwarded-User", "admin"));
    assertEquals(303, response.statusCode(), "only the session cookie signs a browser in");
  }

  @Test
  void anonymousPagesRedirectToLoginAndComeBack() {
    HttpResponse<Buffer> response = portal.get("/portal/leases/" + lease + "?runs=failed", null);
    assertEquals(303, response.statusCode());
    assertEquals("/portal/login?next=%2Fportal%2Fleases%2F" + lease + "%3Fruns%3Dfailed",
        response.getHeader("Location"));
  }
}
