package dev.crabbox.portal.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's VNC bridge against a real Xvfb + x11vnc desktop: the page, noVNC's assets, the
 * WebSocket relay reading the RFB banner, and who may open it.
 */
@ExtendWith(VertxExtension.class)
class PortalVncBridgeTest {

  static final String ORIGIN = "http://portal.test";

  private X11Desktop desktop;
  private BridgeRig rig;
  private String lease;
  private String slug;
  private WebClient http;
  private WebSocketClient webSockets;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) throws Exception {
    assumeTrue(X11Desktop.available(), "Xvfb, x11vnc and xsetroot are needed for the VNC bridge tests");
    desktop = X11Desktop.start("#ff8000");
    rig = new BridgeRig(vertx, dataDir, Map.of(5900, desktop.vncPort()),
        BridgeRoutes.contributor(services -> PortalCaller.bearer(services.tokenVerifier()),
            UpgradeOriginCheck.exactly(ORIGIN)));
    lease = rig.lease(true, false);
    slug = rig.coordinator.get("/v1/leases/" + lease, rig.alice).bodyAsJsonObject().getString("slug");
    http = WebClient.create(vertx);
    webSockets = vertx.createWebSocketClient();
  }

  @AfterEach
  void stop() throws Exception {
    if (rig != null) {
      rig.stop();
    }
    if (desktop != null) {
      desktop.close();
    }
  }

  @Test
  void theRelayReachesTheLeaseDesktopAndReadsItsRfbBanner() {
    rig.startAgent(lease, LeaseBridgeKind.VNC);
    WebSocket ws = Await.result(connect(slug, rig.alice, ORIGIN));
    assertEquals("RFB 003.008\n", Await.result(firstBytes(ws, 12)).toString());
    // Speak RFB: the client's version, then the server offers security type 1 (None: -nopw).
    ws.writeBinaryMessage(Buffer.buffer("RFB 003.008\n"));
    Buffer security = Await.result(firstBytes(ws, 2));
    assertEquals(1, security.getByte(0), "one security type offered");
    assertEquals(1, security.getByte(1), "security type None");
  }

  @Test
  void thePageServesNoVncFromThePortal() {
    HttpResponse<Buffer> page = get("/portal/leases/" + slug + "/vnc", rig.alice);
    assertEquals(200, page.statusCode(), page.bodyAsString());
    assertTrue(page.bodyAsString().contains("data-websocket=\"/portal/leases/" + slug + "/vnc\""));
    assertTrue(page.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
    HttpResponse<Buffer> rfb = get(BridgeRoutes.STATIC + "/novnc/core/rfb.js", null);
    assertEquals(200, rfb.statusCode());
    assertTrue(rfb.getHeader("Content-Type").contains("javascript"), rfb.getHeader("Content-Type"));
    assertTrue(rfb.bodyAsString().contains("export default class RFB"));
    assertEquals(200, get(BridgeRoutes.STATIC + "/vnc.js", null).statusCode());
  }

  @Test
  void onlyCallersWhoMayUseTheLeaseGetTheDesktop() {
    rig.startAgent(lease, LeaseBridgeKind.VNC);
    assertEquals(401, get("/portal/leases/" + slug + "/vnc", null).statusCode());
    assertEquals(404, get("/portal/leases/" + slug + "/vnc", rig.mallory).statusCode());
    assertEquals(404, get("/portal/leases/no-such-lease/vnc", rig.alice).statusCode());
    assertEquals(401, refusal(connect(slug, null, ORIGIN)));
    assertEquals(404, refusal(connect(slug, rig.mallory, ORIGIN)));
    assertEquals(403, refusal(connect(slug, rig.alice, "http://evil.test")));
    assertEquals(403, refusal(connect(slug, rig.alice, null)));
    rig.shareWithBobForUse(lease);
    assertEquals(200, get("/portal/leases/" + slug + "/vnc", rig.bob).statusCode());
    WebSocket bobs = Await.result(connect(slug, rig.bob, ORIGIN));
    assertEquals("RFB 003.008\n", Await.result(firstBytes(bobs, 12)).toString());
  }

  @Test
  void aLeaseWithoutTheDesktopOrWithoutAnAgentIsRefusedClearly() {
    String plain = rig.lease(false, false);
    HttpResponse<Buffer> noDesktop = get("/portal/leases/" + plain + "/vnc", rig.alice);
    assertEquals(409, noDesktop.statusCode());
    assertTrue(noDesktop.bodyAsString().contains("warm a new lease with --desktop"), noDesktop.bodyAsString());
    UpgradeRejectedException noAgent = rejected(connect(slug, rig.alice, ORIGIN));
    assertEquals(503, noAgent.getStatus());
    assertTrue(noAgent.getBody().toString().contains("crabbox webvnc --id " + slug), noAgent.getBody().toString());
  }

  private HttpResponse<Buffer> get(String path, String token) {
    var request = http.get(rig.coordinator.port(), "127.0.0.1", path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return Await.result(request.send());
  }

  private Future<WebSocket> connect(String lease, String token, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(rig.coordinator.port()).setURI("/portal/leases/" + lease + "/vnc");
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return webSockets.connect(options);
  }

  private static int refusal(Future<WebSocket> upgrade) {
    return rejected(upgrade).getStatus();
  }

  private static UpgradeRejectedException rejected(Future<WebSocket> upgrade) {
    Throwable failure = Await.failure(upgrade);
    if (failure instanceof UpgradeRejectedException rejected) {
      return rejected;
    }
    throw new AssertionError("expected an HTTP refusal, got " + failure, failure);
  }

  /** The next {@code count} bytes the socket receives. */
  private static Future<Buffer> firstBytes(WebSocket ws, int count) {
    Promise<Buffer> done = Promise.promise();
    Buffer received = Buffer.buffer();
    ws.handler(bytes -> {
      received.appendBuffer(bytes);
      if (received.length() >= count) {
        ws.handler(null);
        done.tryComplete(received.slice(0, count));
      }
    });
    return done.future();
  }
}
