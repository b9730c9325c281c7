package dev.crabbox.portal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.session.SessionCookies;
import dev.crabbox.portal.support.Browser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A sign-in link opens one session, once, within its lifetime; the link holds no token. */
@ExtendWith(VertxExtension.class)
class LoginLinksTest {

  private static final Caller ADMIN = new Caller("admin", "", Role.ADMIN);

  private TestCoordinator coordinator;
  private LoginLinks links;
  private Browser browser;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    AtomicReference<LoginLinks> created = new AtomicReference<>();
    coordinator = TestCoordinator.start(vertx, dataDir, options -> {
      created.set(new LoginLinks(vertx, options.getClock(), Duration.ofMinutes(5)));
      options.addRouteContributor(new PortalRoutes().withLoginLinks(created.get()));
    });
    links = created.get();
    browser = new Browser(vertx);
  }

  @AfterEach
  void stop() {
    browser.close();
    coordinator.stop();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + coordinator.port() + path;
  }

  @Test
  void aLinkSignsInOnceAndOnlyOnce() {
    String link = links.mint(ADMIN).await();
    assertTrue(link.matches("/portal/login/link\\?code=[A-Za-z0-9_-]{43}"), link);
    assertTrue(!link.contains(coordinator.adminToken()));

    HttpResponse<Buffer> used = browser.get(url(link));
    assertEquals(303, used.statusCode(), used.bodyAsString());
    assertEquals("/portal", used.getHeader("Location"));
    assertEquals("admin", Browser.claims(browser.cookie(SessionCookies.NAME)).getString("role"));
    assertEquals(200, browser.get(url("/portal")).statusCode());

    try (Browser other = new Browser(coordinator.vertx())) {
      HttpResponse<Buffer> reused = other.get(url(link));
      assertEquals(401, reused.statusCode());
      assertTrue(reused.bodyAsString().contains("already used or has expired"));
      assertNull(other.cookie(SessionCookies.NAME));
    }
  }

  @Test
  void aLinkExpires() {
    String link = links.mint(ADMIN).await();
    coordinator.clock().advance(Duration.ofMinutes(5));
    HttpResponse<Buffer> late = browser.get(url(link));
    assertEquals(401, late.statusCode());
    assertNull(browser.cookie(SessionCookies.NAME));
  }

  @Test
  void aMadeUpOrMissingCodeOpensNothing() {
    assertEquals(401, browser.get(url("/portal/login/link?code=guess")).statusCode());
    assertEquals(401, browser.get(url("/portal/login/link")).statusCode());
    assertNull(browser.cookie(SessionCookies.NAME));
  }
}
