package dev.crabbox.agent.bridge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.proxy.LeaseProxyOptions;
import dev.crabbox.agent.proxy.LeaseProxyVerticle;
import dev.crabbox.agent.testing.BrowserSocket;
import dev.crabbox.agent.testing.EgressRig;
import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.agent.testing.RecordingListener;
import dev.crabbox.agent.testing.SilentWebSocketServer;
import dev.crabbox.agent.testing.TcpOrigin;
import dev.crabbox.agent.testing.TestRelay;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connecting, credentials, reconnects and the fatal rules of the bridge contract. */
@ExtendWith(VertxExtension.class)
class BridgeLifecycleTest {

  @Test
  void upgradeOffersV2WithATicketAndReadsThe101Headers(Vertx vertx) {
    EgressRig rig = EgressRig.start(vertx);
    BridgeSession session = rig.proxy.connected().await();
    assertEquals(new BridgeSession(TestRelay.LEASE_ID, TestRelay.SESSION_ID, WireVersion.V2, false), session);
    TestRelay.Upgrade upgrade = rig.relay.upgrades("client").get(0);
    assertTrue(upgrade.ticket().startsWith("ticket-client-"));
    assertNull(upgrade.resumeSecret());
    assertEquals(WireLimits.SUBPROTOCOL_V2, upgrade.subprotocol());
  }

  @Test
  void reconnectsWithTheResumeSecretAndResetsOldStreams(Vertx vertx) throws Exception {
    RecordingListener events = new RecordingListener();
    EgressRig rig = EgressRig.start(vertx, h -> { }, p -> p.setBridgeListener(events));
    TcpOrigin greeter = TcpOrigin.greeter(vertx, "hi\n").start().await();
    HttpOrigin origin = HttpOrigin.plain(vertx, "after").start().await();
    try (BrowserSocket tunnel = new BrowserSocket(rig.proxyPort())) {
      tunnel.send("CONNECT greeter.test:" + greeter.port() + " HTTP/1.1\r\n\r\n");
      tunnel.readHead();
      assertEquals("hi\n", new String(tunnel.readExactly(3), StandardCharsets.US_ASCII));

      rig.relay.closeRole("client", (short) 1001, "going away");

      // The stream lived on the old connection: it is reset, its browser socket closed.
      assertTrue(tunnel.atEnd());
    }
    await().until(() -> events.connects.size() == 2);
    assertTrue(events.connects.get(1).reconnect());
    assertEquals(1, events.drops.size());
    List<TestRelay.Upgrade> upgrades = rig.relay.upgrades("client");
    assertEquals(2, upgrades.size());
    assertNull(upgrades.get(1).ticket());
    assertEquals(upgrades.get(0).issuedSecret(), upgrades.get(1).resumeSecret());
    assertEquals(101, upgrades.get(1).status());
    // New streams use the new connection.
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      String target = "after.test:" + origin.port();
      browser.send("GET http://" + target + "/again HTTP/1.1\r\nHost: " + target + "\r\n\r\n");
      assertEquals("after GET /again body=0\n", browser.readReply().text());
    }
  }

  @Test
  void close1012ReplacedIsFatalWithExitCode4(Vertx vertx) {
    EgressRig rig = EgressRig.start(vertx);
    rig.relay.closeRole("client", (short) 1012, "replaced by a newer egress session");
    BridgeFailure failure = rig.proxy.fatal().await();
    assertEquals(4, failure.exitCode());
    assertEquals("bridge closed by the coordinator: 1012 replaced by a newer egress session", failure.message());
  }

  @Test
  void close1008LeaseEndedIsFatalForTheHost(Vertx vertx) {
    EgressRig rig = EgressRig.start(vertx);
    rig.relay.closeRole("host", (short) 1008, "lease ended");
    BridgeFailure failure = rig.host.fatal().await();
    assertEquals(4, failure.exitCode());
    assertTrue(failure.message().endsWith("1008 lease ended"), failure.message());
  }

  @Test
  void refused401WithAFixedTicketIsFatal(Vertx vertx) {
    TestRelay relay = new TestRelay(vertx).start().await();
    relay.refuseNext("client", 401, "egress_ticket_required", "ticket expired");
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(EgressRig.proxyOptions(relay));
    vertx.deployVerticle(proxy).await();
    BridgeFailure failure = proxy.fatal().await();
    assertEquals(4, failure.exitCode());
    assertEquals("upgrade refused with HTTP 401 (egress_ticket_required: ticket expired)", failure.message());
    await().until(() -> proxy.connected().failed());
  }

  @Test
  void refused401WithAMintingSourceMintsANewTicket(Vertx vertx) {
    TestRelay relay = new TestRelay(vertx).start().await();
    relay.refuseNext("client", 401, "egress_ticket_required", "ticket expired");
    AtomicInteger minted = new AtomicInteger();
    TicketSource minting = new TicketSource() {
      @Override
      public Future<String> nextTicket() {
        minted.incrementAndGet();
        return Future.succeededFuture(EgressRig.newTicket("client"));
      }

      @Override
      public boolean canMint() {
        return true;
      }
    };
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(EgressRig.proxyOptions(relay).setTicketSource(minting));
    vertx.deployVerticle(proxy).await();
    proxy.connected().await();
    assertEquals(2, minted.get());
    List<TestRelay.Upgrade> upgrades = relay.upgrades("client");
    assertEquals(List.of(401, 101), upgrades.stream().map(TestRelay.Upgrade::status).toList());
    assertNotEquals(upgrades.get(0).ticket(), upgrades.get(1).ticket());
  }

  @Test
  void refused404IsFatalAnd503IsRetried(Vertx vertx) {
    TestRelay relay = new TestRelay(vertx).start().await();
    relay.refuseNext("client", 503, "unavailable", "restarting");
    relay.refuseNext("host", 404, "lease_not_found", "lease not found");
    RecordingListener events = new RecordingListener();
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(EgressRig.proxyOptions(relay)
        .setTicketSource(mintingTickets("client")).setBridgeListener(events));
    vertx.deployVerticle(proxy).await();
    proxy.connected().await();
    assertEquals(1, events.drops.size());
    assertTrue(events.drops.get(0).startsWith("upgrade refused with HTTP 503"), events.drops.get(0));

    var host = new dev.crabbox.agent.host.EgressHostVerticle(EgressRig.hostOptions(relay));
    vertx.deployVerticle(host).await();
    BridgeFailure failure = host.fatal().await();
    assertEquals("upgrade refused with HTTP 404 (lease_not_found: lease not found)", failure.message());
  }

  @Test
  void aTicketThatNeverReachedTheCoordinatorIsUsedAgain(Vertx vertx) throws Exception {
    // Nothing listens at first: the fixed ticket must survive the failed attempts.
    int port = unusedPort();
    URI nowhere = URI.create("http://127.0.0.1:" + port);
    RecordingListener events = new RecordingListener();
    LeaseProxyOptions options = EgressRig.proxyOptions(nowhere)
        .setReconnectBackoffMin(Duration.ofMillis(5))
        .setReconnectBackoffMax(Duration.ofMillis(20))
        .setBridgeListener(events);
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(options);
    vertx.deployVerticle(proxy).await();
    await().until(() -> events.drops.size() >= 2);
    assertTrue(events.drops.get(0).startsWith("cannot reach the coordinator at ws://127.0.0.1:" + port));
    assertFalse(proxy.fatal().isComplete());
  }

  @Test
  void hostNotConnectedIs503(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.withoutHost(vertx);
    BrowserSocket.Reply reply = BrowserSocket.exchange(rig.proxyPort(), "CONNECT example.test:443 HTTP/1.1\r\n\r\n");
    assertEquals("HTTP/1.1 503 Service Unavailable", reply.head().split("\r\n")[0]);
    assertEquals("crabbox egress: host agent not connected\n", reply.text());
  }

  @Test
  void ownBridgeDownIs503(Vertx vertx) throws Exception {
    int port = unusedPort();
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(EgressRig.proxyOptions(URI.create("http://127.0.0.1:" + port)));
    vertx.deployVerticle(proxy).await();
    BrowserSocket.Reply reply = BrowserSocket.exchange(proxy.actualPort(),
        "GET http://example.test/ HTTP/1.1\r\nHost: example.test\r\n\r\n");
    assertEquals(503, reply.status());
    assertEquals("crabbox egress: host agent not connected\n", reply.text());
  }

  @Test
  void malformedFramesDoNotDropTheConnection(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx);
    HttpOrigin origin = HttpOrigin.plain(vertx, "still").start().await();
    rig.relay.sendRaw("client", Buffer.buffer(new byte[] {9, 0, 0, 0, 7, 1, 2}));
    rig.relay.sendRaw("client", Buffer.buffer(new byte[] {7}));
    rig.relay.sendRaw("client", Buffer.buffer(new byte[] {7, 0, 0, 0, 3, 0, 0, 0, 0}));
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      String target = "still.test:" + origin.port();
      browser.send("GET http://" + target + "/up HTTP/1.1\r\nHost: " + target + "\r\n\r\n");
      assertEquals("still GET /up body=0\n", browser.readReply().text());
    }
    assertFalse(rig.proxy.session().reconnect());
    assertEquals(1, rig.relay.upgrades("client").size());
  }

  @Test
  void aSilentPeerIsDisconnectedAfterTheIdleTimeout(Vertx vertx) {
    SilentWebSocketServer silent = new SilentWebSocketServer(vertx).start().await();
    RecordingListener events = new RecordingListener();
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(EgressRig.proxyOptions(silent.uri())
        .setPingInterval(Duration.ofMillis(50))
        .setIdleTimeout(Duration.ofMillis(200))
        .setReconnectBackoffMin(Duration.ofMillis(5))
        .setReconnectBackoffMax(Duration.ofMillis(20))
        .setBridgeListener(events));
    vertx.deployVerticle(proxy).await();
    await().until(() -> events.connects.size() >= 2);
    assertNotNull(events.drops.get(0));
    assertTrue(events.connects.get(1).reconnect());
    assertTrue(silent.upgrades() >= 2);
  }

  @Test
  void aCoordinatorWithoutV2MakesAMintingAgentFallBackToV1(Vertx vertx) {
    SilentWebSocketServer oldCoordinator = new SilentWebSocketServer(vertx, false).start().await();
    RecordingListener events = new RecordingListener();
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(EgressRig.proxyOptions(oldCoordinator.uri())
        .setTicketSource(mintingTickets("client"))
        .setBridgeListener(events));
    vertx.deployVerticle(proxy).await();
    assertEquals(WireVersion.V1, proxy.connected().await().wire());
    assertTrue(events.drops.get(0).endsWith("falling back to v1 JSON frames"), events.drops.get(0));
  }

  @Test
  void aCoordinatorWithoutV2IsFatalForAFixedTicket(Vertx vertx) {
    SilentWebSocketServer oldCoordinator = new SilentWebSocketServer(vertx, false).start().await();
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(EgressRig.proxyOptions(oldCoordinator.uri()));
    vertx.deployVerticle(proxy).await();
    assertEquals("the coordinator did not accept the crabbox.egress.v2 subprotocol and the ticket is used up;"
        + " start again in v1 mode (--v1) with a new ticket", proxy.fatal().await().message());
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  private static int unusedPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private static TicketSource mintingTickets(String role) {
    return new TicketSource() {
      @Override
      public Future<String> nextTicket() {
        return Future.succeededFuture(EgressRig.newTicket(role));
      }

      @Override
      public boolean canMint() {
        return true;
      }
    };
  }
}
