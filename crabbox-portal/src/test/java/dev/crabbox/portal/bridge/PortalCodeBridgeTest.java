package dev.crabbox.portal.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's code bridge against a real HTTP + WebSocket app on loopback that logs in like
 * code-server: requests and WebSockets pass, the lease's token is used server-side and never
 * reaches the browser, the portal's credentials never reach the lease, and access is the lease's.
 */
@ExtendWith(VertxExtension.class)
class PortalCodeBridgeTest {

  private static final String ORIGIN = "http://portal.test";
  private static final String TOKEN = "cs-token-d41d8cd98f00b204";
  private static final String LEASE = "cbx_c0de0000c0de";
  private static final String SLUG = "code-crab";

  private FakeCodeServer codeServer;
  private BridgeRig rig;
  private WebClient http;
  private WebSocketClient webSockets;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    codeServer = Await.result(new FakeCodeServer(vertx, TOKEN).start());
    rig = new BridgeRig(vertx, dataDir, Map.of(8080, codeServer.port()),
        BridgeRoutes.contributor(services -> PortalCaller.bearer(services.tokenVerifier()),
            UpgradeOriginCheck.exactly(ORIGIN)));
    rig.codeLease(LEASE, SLUG, TOKEN);
    http = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    webSockets = vertx.createWebSocketClient();
  }

  @AfterEach
  void stop() {
    rig.stop();
  }

  @Test
  void requestsReachCodeServerLoggedInWithTheTokenThatNeverReachesTheBrowser() {
    rig.startAgent(LEASE, LeaseBridgeKind.CODE);
    HttpResponse<Buffer> hello = send(HttpMethod.GET, "/hello?x=1", rig.alice, null);
    assertEquals(200, hello.statusCode(), hello.bodyAsString());
    assertEquals("hello from code-server", hello.bodyAsString());
    assertSecretsHidden(hello);
    assertEquals(List.of("/login", "/hello?x=1"), codeServer.paths);
    MultiMap forwarded = codeServer.requestHeaders.get(1);
    assertEquals("theme=dark; code-server-session=" + FakeCodeServer.SESSION, forwarded.get("Cookie"),
        "the browser's own cookies pass, the portal's does not, the bridge adds code-server's session");
    assertNull(forwarded.get("Authorization"), "the portal's credentials stay in the portal");

    HttpResponse<Buffer> again = send(HttpMethod.GET, "/hello", rig.alice, null);
    assertEquals(200, again.statusCode());
    assertEquals(3, codeServer.paths.size(), "the bridge logs in once per lease");
  }

  @Test
  void aSessionCodeServerForgotIsRenewedWithoutShowingItsLoginPage() {
    rig.startAgent(LEASE, LeaseBridgeKind.CODE);
    assertEquals(200, send(HttpMethod.GET, "/hello", rig.alice, null).statusCode());
    codeServer.rotateSessions();
    HttpResponse<Buffer> again = send(HttpMethod.GET, "/hello", rig.alice, null);
    assertEquals(307, again.statusCode(), "the browser is sent to the same address again");
    assertEquals("/portal/leases/" + SLUG + "/code/hello", again.getHeader("Location"));
    HttpResponse<Buffer> renewed = send(HttpMethod.GET, "/hello", rig.alice, null);
    assertEquals(200, renewed.statusCode());
    assertEquals(List.of("/login", "/hello", "/hello", "/login", "/hello"), codeServer.paths);
    assertSecretsHidden(renewed);
    assertFalse(renewed.headers().toString().contains(FakeCodeServer.ROTATED_SESSION));
  }

  @Test
  void bodiesPassBothWaysChunkedOrNot() {
    rig.startAgent(LEASE, LeaseBridgeKind.CODE);
    HttpResponse<Buffer> big = send(HttpMethod.GET, "/big", rig.alice, null);
    assertEquals(200, big.statusCode());
    assertEquals(FakeCodeServer.BIG, big.body().length());
    assertEquals('a', big.body().getByte(0));
    assertEquals('a' + (FakeCodeServer.BIG - 1) % (16 * 1024) % 26, big.body().getByte(FakeCodeServer.BIG - 1));
    Buffer payload = Buffer.buffer(new byte[300 * 1024]).setString(0, "start");
    HttpResponse<Buffer> echo = send(HttpMethod.POST, "/echo", rig.alice, payload);
    assertEquals(200, echo.statusCode());
    assertEquals(payload, echo.body());
    HttpResponse<Buffer> foreign = Await.result(http.request(HttpMethod.POST, rig.coordinator.port(), "127.0.0.1",
        "/portal/leases/" + SLUG + "/code/echo").bearerTokenAuthentication(rig.alice)
        .putHeader("Origin", "http://evil.test").sendBuffer(payload));
    assertEquals(403, foreign.statusCode(), "a POST from another site's page is refused");
  }

  @Test
  void redirectsStayUnderTheBridgePath() {
    rig.startAgent(LEASE, LeaseBridgeKind.CODE);
    HttpResponse<Buffer> moved = send(HttpMethod.GET, "/elsewhere", rig.alice, null);
    assertEquals(302, moved.statusCode());
    assertEquals("/portal/leases/" + SLUG + "/code/hello", moved.getHeader("Location"));
    HttpResponse<Buffer> bare = Await.result(http.get(rig.coordinator.port(), "127.0.0.1",
        "/portal/leases/" + SLUG + "/code").send());
    assertEquals(301, bare.statusCode());
    assertEquals("/portal/leases/" + SLUG + "/code/", bare.getHeader("Location"));
  }

  @Test
  void webSocketsPassThroughTheBridge() {
    rig.startAgent(LEASE, LeaseBridgeKind.CODE);
    WebSocket ws = Await.result(connect(rig.alice, ORIGIN));
    Promise<String> answer = Promise.promise();
    ws.textMessageHandler(answer::tryComplete);
    ws.writeTextMessage("ping");
    assertEquals("echo:ping", Await.result(answer.future()));
    assertEquals(403, rejected(connect(rig.alice, "http://evil.test")).getStatus());
  }

  /**
   * Frames pass through unparsed, so a revoked user's code-server WebSocket is dropped (no close
   * frame can be put between them); the owner's carries on.
   */
  @Test
  void aWebSocketOfAUserWhoseShareWasRemovedIsDropped() {
    rig.startAgent(LEASE, LeaseBridgeKind.CODE);
    rig.shareWithBobForUse(LEASE);
    WebSocket alices = Await.result(connect(rig.alice, ORIGIN));
    WebSocket bobs = Await.result(connect(rig.bob, ORIGIN));
    assertEquals("echo:bob", echo(bobs, "bob"));
    Promise<Void> bobsClosed = Promise.promise();
    bobs.closeHandler(v -> bobsClosed.complete());

    rig.share(LEASE, new JsonObject());

    Await.result(bobsClosed.future());
    assertEquals("echo:alice", echo(alices, "alice"));
  }

  private static String echo(WebSocket ws, String text) {
    Promise<String> answer = Promise.promise();
    ws.textMessageHandler(answer::tryComplete);
    ws.writeTextMessage(text);
    return Await.result(answer.future());
  }

  @Test
  void accessFollowsTheLease() {
    rig.startAgent(LEASE, LeaseBridgeKind.CODE);
    assertEquals(401, send(HttpMethod.GET, "/hello", null, null).statusCode());
    assertEquals(404, send(HttpMethod.GET, "/hello", rig.mallory, null).statusCode());
    assertEquals(404, rejected(connect(rig.mallory, ORIGIN)).getStatus());
    rig.shareWithBobForUse(LEASE);
    assertEquals(200, send(HttpMethod.GET, "/hello", rig.bob, null).statusCode());
    String desktopOnly = rig.lease(true, false);
    HttpResponse<Buffer> noCode = Await.result(http.get(rig.coordinator.port(), "127.0.0.1",
        "/portal/leases/" + desktopOnly + "/code/").bearerTokenAuthentication(rig.alice).send());
    assertEquals(409, noCode.statusCode());
    assertTrue(noCode.bodyAsString().contains("warm a new lease with --code"), noCode.bodyAsString());
  }

  @Test
  void withoutAnAgentTheBridgeSaysHowToStartOne() {
    HttpResponse<Buffer> response = send(HttpMethod.GET, "/hello", rig.alice, null);
    assertEquals(503, response.statusCode());
    assertTrue(response.bodyAsString().contains("crabbox code --id " + SLUG), response.bodyAsString());
  }

  private static void assertSecretsHidden(HttpResponse<Buffer> response) {
    String everything = response.headers().toString() + response.bodyAsString();
    assertFalse(everything.contains(TOKEN), everything);
    assertFalse(everything.contains(FakeCodeServer.SESSION), everything);
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, String token, Buffer body) {
    HttpRequest<Buffer> request = http.request(method, rig.coordinator.port(), "127.0.0.1",
        "/portal/leases/" + SLUG + "/code" + path)
        .putHeader("Cookie", "__Host-crabbox_session=portal-secret; theme=dark")
        .putHeader("Origin", ORIGIN);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return Await.result(body == null ? request.send() : request.sendBuffer(body));
  }

  private Future<WebSocket> connect(String token, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(rig.coordinator.port()).setURI("/portal/leases/" + SLUG + "/code/ws")
        .addHeader("Authorization", "Bearer " + token);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return webSockets.connect(options);
  }

  private static UpgradeRejectedException rejected(Future<WebSocket> upgrade) {
    Throwable failure = Await.failure(upgrade);
    if (failure instanceof UpgradeRejectedException rejected) {
      return rejected;
    }
    throw new AssertionError("expected an HTTP refusal, got " + failure, failure);
  }
}
