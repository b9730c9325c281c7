package dev.crabbox.portal.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.session.SessionCookies;
import dev.crabbox.portal.support.Browser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access gateway's identity: plain identity headers grant nothing; a gateway JWT signed by a
 * key from the gateway's JWKS (a fake certs endpoint) with the right audience and issuer signs
 * the e-mail in; any other JWT is refused.
 */
@ExtendWith(VertxExtension.class)
class GatewayLoginTest {

  private static final String AUDIENCE = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";
  private static final String ISSUER = "https://crabbox-team.cloudflareaccess.com";
  private static final String EMAIL_HEADER = "Cf-Access-Authenticated-User-Email";

  private GatewayKey key;
  private HttpServer certs;
  private final AtomicInteger certFetches = new AtomicInteger();
  private TestCoordinator coordinator;
  private Browser browser;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) throws Exception {
    key = new GatewayKey("gateway-key-1");
    JsonObject jwks = new JsonObject().put("keys", new JsonArray().add(key.jwk()))
        .put("public_cert", new JsonObject().put("kid", "gateway-key-1").put("cert", "-"));
    certs = Await.result(vertx.createHttpServer().requestHandler(request -> {
      certFetches.incrementAndGet();
      request.response().putHeader("Content-Type", "application/json").end(jwks.encode());
    }).listen(0, "127.0.0.1"));
    GatewaySettings settings = new GatewaySettings(null, URI.create("http://127.0.0.1:"
        + certs.actualPort() + "/cdn-cgi/access/certs"), List.of(), AUDIENCE, ISSUER, "acme",
        Set.of("Boss@Example.com"));
    coordinator = TestCoordinator.start(vertx, dataDir, options -> options.addRouteContributor(
        new PortalRoutes().withIdentityProvider(new GatewayLogin(settings))));
    browser = new Browser(vertx);
  }

  @AfterEach
  void stop() {
    browser.close();
    coordinator.stop();
    Await.result(certs.close());
  }

  private String url(String path) {
    return "http://127.0.0.1:" + coordinator.port() + path;
  }

  private JsonObject claims(String email) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject().put("aud", new JsonArray().add(AUDIENCE)).put("email", email)
        .put("exp", now + 600).put("iat", now).put("nbf", now).put("iss", ISSUER)
        .put("type", "app").put("identity_nonce", "6ei69kawdKzMIAPF").put("sub", "7335d417");
  }

  private HttpResponse<Buffer> signIn(Map<String, String> headers) {
    return browser.get(url("/portal/login/gateway?next=%2Fportal"), headers);
  }

  private void assertRefused(HttpResponse<Buffer> response) {
    assertEquals(401, response.statusCode(), response.bodyAsString());
    assertTrue(response.bodyAsString().contains(">gateway_identity_unverified<"));
    assertNull(browser.cookie(SessionCookies.NAME));
  }

  @Test
  void identityHeadersWithoutAJwtGrantNothing() {
    assertRefused(signIn(Map.of(EMAIL_HEADER, "boss@example.com")));
    HttpResponse<Buffer> index = browser.get(url("/portal"), Map.of(EMAIL_HEADER,
        "boss@example.com"));
    assertEquals(303, index.statusCode(), "still sent to the login page");
    assertTrue(index.getHeader("Location").startsWith("/portal/login"));
    assertEquals(0, certFetches.get(), "nothing to verify, nothing fetched");
  }

  @Test
  void aVerifiedGatewayJwtSignsTheEmailIn() throws Exception {
    HttpResponse<Buffer> response = signIn(Map.of("Cf-Access-Jwt-Assertion",
        key.sign(claims("boss@example.com")),
        EMAIL_HEADER, "someone-else@example.com"));

    assertEquals(303, response.statusCode(), response.bodyAsString());
    assertEquals("/portal", response.getHeader("Location"));
    JsonObject session = Browser.claims(browser.cookie(SessionCookies.NAME));
    assertEquals("boss@example.com", session.getString("sub"), "the JWT's email, not the header's");
    assertEquals("acme", session.getString("org"));
    assertEquals("admin", session.getString("role"));
    assertTrue(browser.get(url("/portal")).bodyAsString().contains("boss@example.com (acme)"));

    browser.forget(SessionCookies.NAME);
    signIn(Map.of("Cf-Access-Jwt-Assertion", key.sign(claims("dev@example.com"))));
    assertEquals("user", Browser.claims(browser.cookie(SessionCookies.NAME)).getString("role"));
    assertEquals(1, certFetches.get(), "the key set is cached");
  }

  @Test
  void aJwtFromAnotherKeyIsRefused() throws Exception {
    GatewayKey stranger = new GatewayKey("gateway-key-1");
    assertRefused(signIn(Map.of("Cf-Access-Jwt-Assertion",
        stranger.sign(claims("boss@example.com")))));
  }

  @Test
  void aJwtForAnotherAudienceOrIssuerIsRefused() throws Exception {
    assertRefused(signIn(Map.of("Cf-Access-Jwt-Assertion", key.sign(claims("boss@example.com")
        .put("aud", new JsonArray().add("some-other-application"))))));
    assertRefused(signIn(Map.of("Cf-Access-Jwt-Assertion", key.sign(claims("boss@example.com")
        .put("iss", "https://evil.cloudflareaccess.com")))));
  }

  @Test
  void anExpiredUnsignedOrGarbledJwtIsRefused() throws Exception {
    long past = Instant.now().minusSeconds(3600).getEpochSecond();
    assertRefused(signIn(Map.of("Cf-Access-Jwt-Assertion", key.sign(claims("boss@example.com")
        .put("exp", past).put("iat", past - 600).put("nbf", past - 600)))));
    assertRefused(signIn(Map.of("Cf-Access-Jwt-Assertion",
        GatewayKey.unsigned(claims("boss@example.com")))));
    assertRefused(signIn(Map.of("Cf-Access-Jwt-Assertion", "not-a-jwt")));
  }

  @Test
  void aJwtWithoutAnEmailIsRefused() throws Exception {
    JsonObject noEmail = claims("x");
    noEmail.remove("email");
    assertRefused(signIn(Map.of("Cf-Access-Jwt-Assertion", key.sign(noEmail))));
  }
}
