package dev.crabbox.portal.bridge;

import static dev.crabbox.coordinator.support.TestCoordinator.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.lease.LeaseBridgeVerticle;
import dev.crabbox.agent.testing.TcpOrigin;
import dev.crabbox.coordinator.bridge.LeaseBridgeStream;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease bridge agent against a real coordinator, with real TCP servers on loopback standing in
 * for the lease's VNC (5900) and code-server (8080) ports: bytes both ways, credit backpressure,
 * reconnects, the errors without an agent, and who may mint agent tickets.
 */
@ExtendWith(VertxExtension.class)
class LeaseBridgeAgentTest {

  private static final int TOTAL = 3 * 1024 * 1024;

  private TcpOrigin echo;
  private TcpOrigin endless;
  private BridgeRig rig;
  private String lease;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    echo = Await.result(TcpOrigin.greeter(vertx, "RFB 003.008\n").start());
    endless = Await.result(TcpOrigin.endless(vertx).start());
    rig = new BridgeRig(vertx, dataDir, Map.of(5900, echo.port(), 8080, endless.port()));
    lease = rig.lease(true, true);
  }

  @AfterEach
  void stop() {
    rig.stop();
  }

  @Test
  void bytesFlowBothWaysThroughTheAgentToTheFixedLoopbackPort() {
    rig.startAgent(lease, LeaseBridgeKind.VNC);
    byte[] sent = new byte[TOTAL];
    new Random(7).nextBytes(sent);
    Buffer received = rig.withBridges(bridges -> bridges.openStream(lease, LeaseBridgeKind.VNC)
        .compose(stream -> exchange(stream, Buffer.buffer(sent), "RFB 003.008\n".length() + TOTAL)));
    assertEquals("RFB 003.008\n", received.getString(0, 12));
    assertArrayEquals(sent, received.getBytes(12, received.length()));
    assertEquals(List.of(5900), rig.dialledPorts, "the vnc agent dials only the lease's 127.0.0.1:5900");
  }

  @Test
  void aPausedReaderHoldsTheLeaseSideSenderThroughCredit() {
    rig.startAgent(lease, LeaseBridgeKind.CODE);
    AtomicLong delivered = new AtomicLong();
    LeaseBridgeStream stream = rig.withBridges(bridges -> bridges.openStream(lease, LeaseBridgeKind.CODE)
        .map(opened -> {
          opened.pause();
          opened.handler(bytes -> delivered.addAndGet(bytes.length()));
          return opened;
        }));
    // The endless sender on the lease port stalls: nobody grants credit while the reader is paused.
    await().until(endless::stalled);
    assertEquals(0, delivered.get(), "a paused stream delivers nothing");
    rig.onCoordinator(() -> {
      stream.resume();
      return Future.succeededFuture();
    });
    await().until(() -> delivered.get() > 4L * 1024 * 1024);
    assertEquals(List.of(8080), rig.dialledPorts, "the code agent dials only the lease's 127.0.0.1:8080");
    rig.onCoordinator(() -> {
      stream.reset("test done");
      return Future.succeededFuture();
    });
  }

  @Test
  void theAgentReconnectsWithItsResumeSecretAfterADrop() {
    rig.startAgent(lease, LeaseBridgeKind.VNC);
    rig.withBridges(bridges -> bridges.close());
    await().until(() -> rig.connects.get() == 2
        && rig.withBridges(bridges -> Future.succeededFuture(bridges.connected(lease, LeaseBridgeKind.VNC))));
    Buffer greeting = rig.withBridges(bridges -> bridges.openStream(lease, LeaseBridgeKind.VNC)
        .compose(stream -> exchange(stream, Buffer.buffer("hi"), 14)));
    assertEquals("RFB 003.008\nhi", greeting.toString());
  }

  @Test
  void withoutAnAgentOpeningAStreamIsAClearError() {
    ApiException api = assertInstanceOf(ApiException.class, Await.failure(opening(LeaseBridgeKind.CODE)));
    assertEquals(503, api.status());
    assertEquals("bridge_unavailable", api.code());
    assertTrue(api.getMessage().contains("crabbox code --id " + lease), api.getMessage());
    JsonObject status = rig.coordinator.get("/v1/leases/" + lease + "/bridges", rig.alice).bodyAsJsonObject();
    assertFalse(status.getJsonObject("code").getBoolean("agentConnected"));
  }

  @Test
  void nothingListeningOnTheLeasePortIsABadGateway(Vertx vertx, @TempDir Path otherDir) {
    rig.stop();
    rig = new BridgeRig(vertx, otherDir, Map.of());
    lease = rig.lease(true, false);
    rig.startAgent(lease, LeaseBridgeKind.VNC);
    ApiException api = assertInstanceOf(ApiException.class, Await.failure(opening(LeaseBridgeKind.VNC)));
    assertEquals(502, api.status());
    assertTrue(api.getMessage().contains("127.0.0.1:5900"), api.getMessage());
  }

  @Test
  void useSharesMintTicketsStrangersSeeNothingAndCapabilitiesAreRequired() {
    rig.shareWithBobForUse(lease);
    assertEquals(201, rig.coordinator.post(ticketPath(lease, "vnc"), rig.bob, null).statusCode());
    assertError(rig.coordinator.post(ticketPath(lease, "vnc"), rig.mallory, null), 404, "lease_not_found");
    assertError(rig.coordinator.post(ticketPath(lease, "vnc"), null, null), 401, "unauthorized");
    assertError(rig.coordinator.post(ticketPath(lease, "ssh"), rig.alice, null), 404, "bridge_not_found");
    String plain = rig.lease(false, false);
    assertError(rig.coordinator.post(ticketPath(plain, "code"), rig.alice, null), 409, "capability_missing");
    assertTrue(rig.coordinator.post(ticketPath(plain, "vnc"), rig.alice, null).bodyAsString()
        .contains("was not created with desktop=true; warm a new lease with --desktop"));
  }

  @Test
  void releasingTheLeaseEndsTheAgentForGood() {
    LeaseBridgeVerticle agent = rig.startAgent(lease, LeaseBridgeKind.VNC);
    assertEquals(200, rig.coordinator.post("/v1/leases/" + lease + "/release", rig.alice, null).statusCode());
    BridgeFailure failure = Await.result(agent.fatal());
    assertTrue(failure.message().contains("1008"), failure.message());
    assertEquals(4, failure.exitCode());
  }

  /** Starts opening a stream on the coordinator's context; the returned future is not awaited. */
  private Future<LeaseBridgeStream> opening(LeaseBridgeKind kind) {
    return rig.withBridges(bridges -> Future.succeededFuture(bridges.openStream(lease, kind)));
  }

  private static String ticketPath(String lease, String kind) {
    return "/v1/leases/" + lease + "/bridges/" + kind + "/ticket";
  }

  /**
   * Writes {@code payload} with backpressure (pausing at a full write queue, going on at drain),
   * then collects {@code expected} bytes. Runs on the coordinator's context.
   */
  private static Future<Buffer> exchange(LeaseBridgeStream stream, Buffer payload, int expected) {
    Promise<Buffer> done = Promise.promise();
    Buffer received = Buffer.buffer();
    stream.exceptionHandler(done::tryFail);
    stream.handler(bytes -> {
      received.appendBuffer(bytes);
      if (received.length() >= expected) {
        stream.reset("done");
        done.tryComplete(received);
      }
    });
    int[] offset = {0};
    AtomicBoolean waiting = new AtomicBoolean();
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      waiting.set(false);
      while (offset[0] < payload.length() && !stream.writeQueueFull()) {
        int end = Math.min(payload.length(), offset[0] + 16 * 1024);
        stream.write(payload.slice(offset[0], end));
        offset[0] = end;
      }
      if (offset[0] < payload.length() && waiting.compareAndSet(false, true)) {
        stream.drainHandler(v -> pump[0].run());
      }
    };
    pump[0].run();
    return done.future();
  }
}
