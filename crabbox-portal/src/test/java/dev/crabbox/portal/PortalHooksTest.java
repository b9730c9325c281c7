package dev.crabbox.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.portal.security.OriginCheck;
import dev.crabbox.portal.session.SessionAuth;
import dev.crabbox.portal.session.SessionCookies;
import dev.crabbox.portal.spi.IdentityProvider;
import dev.crabbox.portal.spi.PortalBridge;
import dev.crabbox.portal.spi.PortalContext;
import dev.crabbox.portal.web.Pages;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seams later work plugs into: an identity provider that signs people in with the portal's
 * session cookie, and a lease bridge that reuses the session requirement, the lease service's
 * access rule and the same-origin check on its WebSocket upgrade.
 */
@ExtendWith(VertxExtension.class)
class PortalHooksTest {

  /** Signs everyone in as fay of acme: stands in for GitHub OAuth. */
  private static final class FixedIdentity implements IdentityProvider {

    @Override
    public String label() {
      return "Sign in with the test provider";
    }

    @Override
    public String startPath() {
      return "/portal/login/test";
    }

    @Override
    public void mount(Router router, PortalContext context) {
      router.get(startPath()).handler(ctx -> {
        SessionCookies sessions = context.sessions();
        sessions.establish(ctx, sessions.newSession("fay", "acme", Role.USER));
        Pages.seeOther(ctx, "/portal");
      });
    }
  }

  /** A bridge that names the lease over HTTP and echoes over a WebSocket. */
  private static final PortalBridge ECHO_BRIDGE = (router, context) -> router
      .get("/portal/leases/:lease/echo").handler(context.sessionAuth()).handler(ctx -> {
        var session = SessionAuth.session(ctx);
        context.pages().respond(ctx, session, () -> context.services().leases()
            .find(session.caller(), ctx.pathParam("lease")), visible -> {
              if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
                ctx.response().end("bridge for " + visible.lease().slug());
              } else if (context.originCheck().allowed(ctx.request())) {
                ctx.request().toWebSocket().onSuccess(ws -> ws.handler(ws::write));
              } else {
                context.pages().refuse(ctx, OriginCheck.forbidden());
              }
            });
      });

  private TestCoordinator coordinator;
  private WebClient web;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    coordinator = TestCoordinator.start(vertx, dataDir, options -> options.addRouteContributor(
        new PortalRoutes().withIdentityProvider(new FixedIdentity()).withBridge(ECHO_BRIDGE)));
    web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(coordinator.port()).setFollowRedirects(false));
  }

  @AfterEach
  void stop() {
    web.close();
    coordinator.stop();
  }

  private HttpResponse<Buffer> get(String path, String cookie) {
    var request = web.get(path);
    if (cookie != null) {
      request.putHeader("Cookie", SessionCookies.NAME + "=" + cookie);
    }
    return Await.result(request.send());
  }

  private String signInWithProvider() {
    HttpResponse<Buffer> response = get("/portal/login/test", null);
    assertEquals(303, response.statusCode());
    String cookie = response.cookies().get(0);
    return cookie.substring(SessionCookies.NAME.length() + 1, cookie.indexOf(';'));
  }

  @Test
  void anIdentityProviderSignsInThroughTheSessionCookie() {
    assertTrue(get("/portal/login", null).bodyAsString()
        .contains("href=\"/portal/login/test\">Sign in with the test provider</a>"));
    String fay = signInWithProvider();
    HttpResponse<Buffer> index = get("/portal", fay);
    assertEquals(200, index.statusCode());
    assertTrue(index.bodyAsString().contains("fay (acme)"), index.bodyAsString());
  }

  @Test
  void aBridgeGetsTheSessionTheLeaseRuleAndTheOriginCheck(Vertx vertx) {
    String fay = signInWithProvider();
    String lease = coordinator.createLease(coordinator.token("fay", "acme")).getString("slug");
    String other = coordinator.createLease(coordinator.token("eve", "elsewhere")).getString("slug");

    assertEquals("bridge for " + lease, get("/portal/leases/" + lease + "/echo", fay)
        .bodyAsString());
    assertEquals(404, get("/portal/leases/" + other + "/echo", fay).statusCode());
    assertEquals(303, get("/portal/leases/" + lease + "/echo", null).statusCode());

    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions upgrade = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(coordinator.port()).setURI("/portal/leases/" + lease + "/echo")
        .addHeader("Cookie", SessionCookies.NAME + "=" + fay)
        .setAllowOriginHeader(false); // the first handshake arrives without an Origin
    Throwable refused = Await.failure(client.connect(upgrade));
    assertTrue(refused instanceof UpgradeRejectedException, refused.toString());
    assertEquals(403, ((UpgradeRejectedException) refused).getStatus());
    assertTrue(((UpgradeRejectedException) refused).getBody().toString()
        .contains(OriginCheck.ERROR));

    WebSocket socket = Await.result(client.connect(new WebSocketConnectOptions(upgrade)
        .setAllowOriginHeader(true).putHeader("Origin", "http://127.0.0.1:" + coordinator.port())));
    Throwable foreign = Await.failure(client.connect(new WebSocketConnectOptions(upgrade)
        .setAllowOriginHeader(true).putHeader("Origin", "https://evil.example")));
    assertEquals(403, ((UpgradeRejectedException) foreign).getStatus());
    Promise<Buffer> echoed = Promise.promise();
    socket.handler(echoed::tryComplete);
    socket.write(Buffer.buffer("ping"));
    assertEquals("ping", Await.result(echoed.future()).toString());
    Await.result(client.close());
  }
}
