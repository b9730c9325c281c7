package dev.crabbox.portal.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.lease.LeaseBridgeVerticle;
import dev.crabbox.agent.testing.TcpOrigin;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing a user's share ends what that user opened on the lease: a lease bridge agent started
 * with the user's ticket (closed 1008, fatal for the agent) and the user's portal desktop relay
 * (closed 1008 "lease access revoked"). The owner's agent and relay carry on. A loopback greeter
 * stands in for the lease's VNC server.
 */
@ExtendWith(VertxExtension.class)
class ShareRevocationBridgeTest {

  private static final String ORIGIN = "http://portal.test";
  private static final String BANNER = "RFB 003.008\n";

  private TcpOrigin vnc;
  private TcpOrigin code;
  private BridgeRig rig;
  private String lease;
  private String slug;
  private WebSocketClient webSockets;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    vnc = Await.result(TcpOrigin.greeter(vertx, BANNER).start());
    code = Await.result(TcpOrigin.greeter(vertx, "code\n").start());
    rig = new BridgeRig(vertx, dataDir, Map.of(5900, vnc.port(), 8080, code.port()),
        BridgeRoutes.contributor(services -> PortalCaller.bearer(services.tokenVerifier()),
            UpgradeOriginCheck.exactly(ORIGIN)));
    lease = rig.lease(true, true);
    slug = rig.coordinator.get("/v1/leases/" + lease, rig.alice).bodyAsJsonObject().getString("slug");
    webSockets = vertx.createWebSocketClient();
    rig.shareWithBobForUse(lease);
  }

  @AfterEach
  void stop() {
    rig.stop();
  }

  @Test
  void anAgentStartedWithAUseSharersTicketEndsWhenTheShareIsRemoved() {
    LeaseBridgeVerticle alicesAgent = rig.startAgent(lease, LeaseBridgeKind.CODE);
    LeaseBridgeVerticle bobsAgent = rig.startAgent(lease, LeaseBridgeKind.VNC, rig.bob);

    rig.share(lease, new JsonObject());

    BridgeFailure failure = Await.result(bobsAgent.fatal());
    assertTrue(failure.message().contains("1008"), failure.message());
    assertTrue(failure.message().contains("lease access revoked"), failure.message());
    assertEquals(4, failure.exitCode());
    // The owner's agent was not closed in the same pass: a stream still reaches code-server.
    Buffer greeting = rig.withBridges(bridges -> bridges.openStream(lease, LeaseBridgeKind.CODE)
        .compose(stream -> firstBytes(stream::handler, 5)));
    assertEquals("code\n", greeting.toString());
    assertFalse(alicesAgent.fatal().isComplete(), "the owner never loses access");
  }

  @Test
  void aPortalDesktopRelayOfAUserWhoseShareWasRemovedCloses() {
    rig.startAgent(lease, LeaseBridgeKind.VNC);
    WebSocket alices = openDesktop(rig.alice);
    WebSocket bobs = openDesktop(rig.bob);
    Promise<Void> bobsClosed = Promise.promise();
    bobs.closeHandler(v -> bobsClosed.complete());

    rig.share(lease, new JsonObject());

    Await.result(bobsClosed.future());
    assertEquals(1008, (int) bobs.closeStatusCode());
    assertEquals("lease access revoked", bobs.closeReason());
    // The greeter echoes: the owner's relay still carries bytes both ways.
    Future<Buffer> echoed = firstBytes(alices::handler, 4);
    alices.writeBinaryMessage(Buffer.buffer("ping"));
    assertEquals("ping", Await.result(echoed).toString());
  }

  /** Opens the portal desktop relay as {@code token}'s user and reads the VNC banner. */
  private WebSocket openDesktop(String token) {
    // The handler goes in as the upgrade completes, on the socket's context: no byte is missed.
    return Await.result(connect(token).compose(ws -> firstBytes(ws::handler, BANNER.length())
        .map(banner -> {
          assertEquals(BANNER, banner.toString());
          return ws;
        })));
  }

  private Future<WebSocket> connect(String token) {
    return webSockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(rig.coordinator.port()).setURI("/portal/leases/" + slug + "/vnc")
        .addHeader("Authorization", "Bearer " + token).addHeader("Origin", ORIGIN));
  }

  /** The first {@code count} bytes delivered to the handler that {@code install} sets. */
  private static Future<Buffer> firstBytes(Consumer<Handler<Buffer>> install,
      int count) {
    Promise<Buffer> first = Promise.promise();
    Buffer collected = Buffer.buffer();
    install.accept(bytes -> {
      collected.appendBuffer(bytes);
      if (collected.length() >= count) {
        first.tryComplete(collected.getBuffer(0, count));
      }
    });
    return first.future();
  }
}
