package dev.crabbox.coordinator.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.egress.CloseReasons;
import dev.crabbox.coordinator.store.BridgeRole;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.Frame;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three coordinator nodes, each a JVM of its own on loopback ports, clustered with Hazelcast and
 * sharing one PostgreSQL database: a host agent on node 1 and a client agent on node 3 exchange
 * traffic through the session's owner; a ticket works on one node only; a release on node 2
 * closes sockets on the others; the expiry sweep runs once cluster-wide; and after {@code kill
 * -9} of the owner the agents re-pair through the survivors with their resume secrets; a new
 * session started on one node replaces the old session's sockets on the others; a share removed
 * on one node closes the user's socket on another. The last
 * test kills node 1, so the order matters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProcessTest {

  private static final Duration GENEROUS = Duration.ofSeconds(60);

  private Vertx vertx;
  private TestCluster cluster;
  private ClusterApi api;
  private int node1;
  private int node2;
  private int node3;

  @BeforeAll
  void startCluster(@TempDir Path dir) {
    vertx = Vertx.vertx();
    cluster = TestCluster.start(vertx, dir, 3, "cluster-process-test");
    node1 = cluster.port(1);
    node2 = cluster.port(2);
    node3 = cluster.port(3);
    api = new ClusterApi(vertx, cluster.adminToken());
    await().atMost(GENEROUS).until(() -> api.get(node2, "/v1/health").getInteger("clusterSize") == 3);
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
    if (vertx != null) {
      Await.result(vertx.close());
    }
  }

  @Test
  @Order(1)
  void everyNodeReportsItselfTheClusterAndTheStore() {
    for (int port : new int[] {node1, node2, node3}) {
      JsonObject health = api.get(port, "/v1/health");
      assertEquals("ok", health.getString("status"));
      assertEquals(3, health.getInteger("clusterSize"));
      assertEquals("ok", health.getString("store"));
    }
    assertEquals(3, List.of(node1, node2, node3).stream()
        .map(port -> api.get(port, "/v1/health").getString("nodeId")).distinct().count());
  }

  @Test
  @Order(2)
  void trafficFlowsAcrossNodesAndAReleaseOnAThirdNodeClosesBothSockets() {
    String lease = api.createLease(node1, new JsonObject());
    TestPeer host = api.connectWithTicket(node1, lease, "host", api.ticket(node1, lease, "host"));
    TestPeer client = api.connectWithTicket(node3, lease, "client",
        api.ticket(node3, lease, "client"));
    awaitPaired(node2, lease);

    exchange(host, client, 1);
    assertTrue(metric(node3, "crabbox_egress_cross_node_relays_total") >= 1,
        "node 3 relayed its client to the owner");

    HttpResponse<Buffer> released = api.request(node2, HttpMethod.POST,
        "/v1/leases/" + lease + "/release", null);
    assertEquals(200, released.statusCode(), released.bodyAsString());
    host.expectClose(CloseReasons.LEASE_OVER_CODE, CloseReasons.LEASE_ENDED);
    client.expectClose(CloseReasons.LEASE_OVER_CODE, CloseReasons.LEASE_ENDED);
  }

  @Test
  @Order(3)
  void aTicketPresentedToTwoNodesAtOnceWorksOnce() {
    String lease = api.createLease(node2, new JsonObject());
    String ticket = api.ticket(node2, lease, "host");
    Future<WebSocket> onNode2 = api.upgrade(node2, lease, "host", "X-Crabbox-Bridge-Ticket", ticket);
    Future<WebSocket> onNode3 = api.upgrade(node3, lease, "host", "X-Crabbox-Bridge-Ticket", ticket);
    Await.result(Future.join(onNode2, onNode3).otherwiseEmpty());
    assertEquals(1, (onNode2.succeeded() ? 1 : 0) + (onNode3.succeeded() ? 1 : 0),
        "exactly one upgrade succeeds");
    Future<WebSocket> refused = onNode2.succeeded() ? onNode3 : onNode2;
    assertEquals(401, assertInstanceOf(UpgradeRejectedException.class, refused.cause()).getStatus());
  }

  @Test
  @Order(4)
  void theSweepExpiresAnExpiredLeaseOnceClusterWide() {
    String lease = api.createLease(node3, new JsonObject().put("ttl", "2s"));
    String expired = "lease " + lease + " (";
    await().atMost(GENEROUS).until(() -> count(expired, ") expired") == 1);
    await().atMost(GENEROUS).until(() -> count(expired, "cleaned up") == 1);
    // Many more sweeps on every node (one each 300 ms): none expires or cleans it again.
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> count(expired, ") expired") == 1 && count(expired, "cleaned up") == 1);
    assertEquals("expired", api.get(node1, "/v1/leases/" + lease).getString("state"));
  }

  @Test
  @Order(5)
  void aNewSessionStartedOnAnotherNodeReplacesTheOldSocketsEverywhere() {
    String lease = api.createLease(node1, new JsonObject());
    TestPeer host = api.connectWithTicket(node1, lease, "host", api.ticket(node1, lease, "host"));
    TestPeer client = api.connectWithTicket(node3, lease, "client",
        api.ticket(node3, lease, "client"));
    awaitPaired(node2, lease);

    HttpResponse<Buffer> newer = api.request(node2, HttpMethod.POST,
        "/v1/leases/" + lease + "/egress/ticket",
        new JsonObject().put("role", "host").put("sessionID", "egress_newer-session"));
    assertEquals(201, newer.statusCode(), newer.bodyAsString());
    host.expectClose(CloseReasons.REPLACED_CODE, CloseReasons.REPLACED);
    client.expectClose(CloseReasons.REPLACED_CODE, CloseReasons.REPLACED);
  }

  /** A share removed through node 2 closes the user's socket that landed on node 3. */
  @Test
  @Order(6)
  void aShareRemovedOnOneNodeClosesTheUsersSocketOnAnother() {
    ClusterApi alice = new ClusterApi(vertx, cluster.token("alice", "acme"));
    ClusterApi bob = new ClusterApi(vertx, cluster.token("bob", "globex"));
    String lease = alice.createLease(node1, new JsonObject());
    String sharePath = "/v1/leases/" + lease + "/share";
    assertEquals(200, alice.request(node1, HttpMethod.PUT, sharePath,
        new JsonObject().put("users", new JsonObject().put("bob", "manage"))).statusCode());
    TestPeer bobsHost = bob.connectWithTicket(node3, lease, "host", bob.ticket(node2, lease, "host"));
    TestPeer alicesClient = alice.connectWithTicket(node1, lease, "client",
        alice.ticket(node1, lease, "client"));
    awaitPaired(node2, lease);

    assertEquals(200, alice.request(node2, HttpMethod.PUT, sharePath, new JsonObject()).statusCode());
    bobsHost.expectClose(CloseReasons.LEASE_OVER_CODE, CloseReasons.ACCESS_REVOKED);
    alicesClient.expectClose(CloseReasons.PEER_LEFT_CODE, CloseReasons.peerLeft(BridgeRole.HOST));
  }

  @Test
  @Order(7)
  void afterKillingTheOwnerTheAgentsRepairThroughTheSurvivors() {
    String lease = api.createLease(node1, new JsonObject());
    String slug = api.get(node1, "/v1/leases/" + lease).getString("slug");
    HttpResponse<Buffer> run = api.request(node2, HttpMethod.POST, "/v1/runs", new JsonObject()
        .put("leaseID", slug).put("command", "make").put("provider", "local"));
    assertEquals(201, run.statusCode(), run.bodyAsString());
    String runId = run.bodyAsJsonObject().getString("id");

    TestPeer host = api.connectWithTicket(node1, lease, "host", api.ticket(node1, lease, "host"));
    TestPeer client = api.connectWithTicket(node3, lease, "client",
        api.ticket(node3, lease, "client"));
    awaitPaired(node2, lease);
    exchange(host, client, 1);

    long killed = System.nanoTime();
    cluster.kill(1);
    client.expectClose(CloseReasons.GOING_AWAY_CODE, RelayEndpoint.OWNER_LEFT);
    Await.result(host.closed());

    // The agents come back with their resume secrets: the host through node 2, the client
    // through node 3 again (as a balancer in front would send them).
    TestPeer newHost = resumeUntilAccepted(node2, lease, "host", host.resumeSecret());
    TestPeer newClient = resumeUntilAccepted(node3, lease, "client", client.resumeSecret());
    awaitPaired(node2, lease);
    newClient.send(new Frame.Open(2, "example.com", 443));
    newHost.expect(new Frame.Open(2, "example.com", 443));
    Duration recovery = Duration.ofNanos(System.nanoTime() - killed);
    System.out.println("cluster recovery after kill -9 of the owner node: " + recovery.toMillis()
        + " ms");
    newHost.send(new Frame.OpenOk(2));
    newClient.expect(new Frame.OpenOk(2));
    exchange(newHost, newClient, 3);

    assertEquals("active", api.get(node3, "/v1/leases/" + lease).getString("state"));
    assertEquals(runId, api.get(node3, "/v1/runs/" + runId).getString("id"));
    assertEquals(2, api.get(node3, "/v1/health").getInteger("clusterSize"));
  }

  private TestPeer resumeUntilAccepted(int port, String lease, String role, String secret) {
    TestPeer[] accepted = new TestPeer[1];
    await().atMost(GENEROUS).pollInterval(Duration.ofMillis(100)).until(() -> {
      Future<WebSocket> upgrade = api.resume(port, lease, role, secret);
      Await.result(upgrade.otherwiseEmpty());
      if (upgrade.succeeded()) {
        accepted[0] = TestPeer.of(upgrade.result());
      }
      return upgrade.succeeded();
    });
    return accepted[0];
  }

  /** Opens stream {@code stream} from the client and moves 64 KiB each way. */
  private static void exchange(TestPeer host, TestPeer client, int stream) {
    if (stream != 2) {
      client.send(new Frame.Open(stream, "example.com", 443));
      host.expect(new Frame.Open(stream, "example.com", 443));
      host.send(new Frame.OpenOk(stream));
      client.expect(new Frame.OpenOk(stream));
    }
    byte[] up = new byte[65536];
    byte[] down = new byte[65536];
    new Random(stream).nextBytes(up);
    new Random(-stream).nextBytes(down);
    client.send(new Frame.Data(stream, up));
    host.expect(new Frame.Data(stream, up));
    host.send(new Frame.Data(stream, down));
    client.expect(new Frame.Data(stream, down));
  }

  private void awaitPaired(int port, String lease) {
    await().atMost(GENEROUS).until(() -> {
      JsonObject status = api.get(port, "/v1/leases/" + lease + "/egress/status");
      return status.getBoolean("hostConnected") && status.getBoolean("clientConnected");
    });
  }

  private long count(String text, String andText) {
    return cluster.countLines(text, andText);
  }

  private double metric(int port, String name) {
    HttpResponse<Buffer> response = api.request(port, HttpMethod.GET, "/metrics", null);
    assertEquals(200, response.statusCode());
    return response.bodyAsString().lines().filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
        .findFirst().orElseThrow(() -> new AssertionError(name + " missing from /metrics"));
  }
}
