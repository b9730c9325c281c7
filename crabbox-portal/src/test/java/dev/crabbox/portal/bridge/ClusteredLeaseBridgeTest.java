package dev.crabbox.portal.bridge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.lease.LeaseBridgeOptions;
import dev.crabbox.agent.lease.LeaseBridgeVerticle;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.bridge.LeaseBridgeStream;
import dev.crabbox.coordinator.bridge.LeaseBridges;
import dev.crabbox.coordinator.cluster.ClusterSettings;
import dev.crabbox.coordinator.cluster.CoordinatorVertx;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.PostgresUrl;
import dev.crabbox.coordinator.store.StoreKind;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestPostgres;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clustered coordinator nodes in this JVM (each its own clustered Vert.x, Hazelcast on
 * loopback, one PostgreSQL database, as {@code crabbox bench egress --cluster} runs them): a
 * real lease bridge agent connects to node A, and a stream opened on node B reaches the lease
 * port through it — a loopback TCP echo server standing in for it. Without an agent anywhere
 * both nodes answer 503; an agent that cannot reach its port makes node B answer 502; the
 * internal relay route wants the cluster's relay secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusteredLeaseBridgeTest {

  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private final List<Vertx> nodes = new ArrayList<>();
  private final List<CoordinatorVerticle> coordinators = new ArrayList<>();
  private final List<Node> handles = new ArrayList<>();
  private Vertx vertx;
  private PostgresUrl database;
  private NetServer echo;
  private NetClient dialClient;
  private WebClient http;
  private String alice;

  /** One node's lease bridge registry and the context it lives on. */
  private record Node(CoordinatorServices services, Context context) {
    LeaseBridges bridges() {
      return services.leaseBridges().bridges();
    }
  }

  @BeforeAll
  void startNodes(@TempDir Path dir) throws Exception {
    vertx = Vertx.vertx();
    database = Await.result(TestPostgres.createDatabase(vertx));
    Path first = dir.resolve("node-a");
    Path second = Files.createDirectories(dir.resolve("node-b"));
    CoordinatorKeys keys = CoordinatorKeys.loadOrCreate(first, Clock.systemUTC());
    for (String file : List.of(CoordinatorKeys.SIGNING_KEY_FILE, CoordinatorKeys.ADMIN_TOKEN_FILE)) {
      Files.copy(first.resolve(file), second.resolve(file));
    }
    alice = keys.mintToken("alice", "acme", Role.USER);
    int[] ports = {freePort(), freePort()};
    List<String> members = List.of("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]);
    for (int i = 0; i < 2; i++) {
      Vertx node = Await.result(CoordinatorVertx.clustered(
          new ClusterSettings("127.0.0.1", ports[i], members)));
      nodes.add(node);
      Promise<Node> handle = Promise.promise();
      CoordinatorVerticle coordinator = new CoordinatorVerticle(new CoordinatorOptions()
          .setHost("127.0.0.1").setPort(0).setDataDir(i == 0 ? first : second)
          .setStore(StoreKind.POSTGRES).setPostgresUrl(database)
          .setPingInterval(Duration.ofMillis(500)).setIdleTimeout(Duration.ofSeconds(10))
          .addRouteContributor((router, services) ->
              handle.tryComplete(new Node(services, Vertx.currentContext()))));
      Await.result(node.deployVerticle(coordinator));
      coordinators.add(coordinator);
      handles.add(Await.result(handle.future()));
    }
    echo = Await.result(vertx.createNetServer()
        .connectHandler(socket -> socket.pipeTo(socket))
        .listen(0, "127.0.0.1"));
    dialClient = vertx.createNetClient();
    http = WebClient.create(vertx);
  }

  @AfterAll
  void stopNodes() {
    Future<Void> chain = Future.succeededFuture();
    for (Vertx node : nodes) {
      chain = chain.eventually(node::close);
    }
    Await.result(chain);
    if (database != null) {
      Await.result(TestPostgres.dropDatabase(vertx, database));
    }
    Await.result(vertx.close());
  }

  @Test
  void aStreamOpenedOnNodeBCarriesBytesBothWaysThroughTheAgentOnNodeA() {
    String lease = lease(true, false);
    String agent = startAgent(lease, LeaseBridgeKind.VNC, true);
    assertTrue(connectedOn(0, lease), "the agent is connected to node A");
    assertFalse(connectedOn(1, lease), "and not to node B");
    byte[] payload = new byte[1024 * 1024 + 17];
    new Random(7).nextBytes(payload);
    // The agent's record reaches the cluster map just after it connects.
    Buffer echoed = await().atMost(GENEROUS).ignoreExceptions().until(
        () -> onNode(1, node -> node.bridges().openStream(lease, LeaseBridgeKind.VNC)
            .compose(stream -> echo(stream, Buffer.buffer(payload)))), result -> true);
    assertArrayEquals(payload, echoed.getBytes(), "node B's stream got back what it sent");
    HttpResponse<Buffer> status = Await.result(http.getAbs(base(1) + "/v1/leases/" + lease
        + "/bridges").bearerTokenAuthentication(alice).send());
    assertEquals(200, status.statusCode(), status.bodyAsString());
    assertTrue(status.bodyAsJsonObject().getJsonObject("vnc").getBoolean("agentConnected"),
        "node B reports the agent connected to node A: " + status.bodyAsString());
    assertFalse(status.bodyAsJsonObject().getJsonObject("code").getBoolean("agentConnected"));
    undeploy(agent);
  }

  @Test
  void withoutAnAgentAnywhereBothNodesAnswer503() {
    String lease = lease(true, false);
    for (int node = 0; node < 2; node++) {
      ApiException refused = refusal(node, lease, LeaseBridgeKind.VNC);
      assertEquals(503, refused.status());
      assertEquals("bridge_unavailable", refused.code());
    }
  }

  @Test
  void anAgentThatCannotReachItsPortMakesNodeBAnswer502() {
    String lease = lease(true, false);
    String agent = startAgent(lease, LeaseBridgeKind.VNC, false);
    ApiException refused = await().atMost(GENEROUS).until(
        () -> refusal(1, lease, LeaseBridgeKind.VNC), failure -> failure.status() != 503);
    assertEquals(502, refused.status());
    assertEquals("bridge_target_unavailable", refused.code());
    undeploy(agent);
  }

  @Test
  void theInternalRelayRouteRefusesCallersWithoutTheRelaySecret() {
    String lease = lease(true, false);
    WebSocketClient client = vertx.createWebSocketClient();
    Throwable refused = Await.failure(client.connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(coordinators.get(1).actualPort())
        .setURI("/internal/v1/bridges/relay")
        .addHeader("X-Crabbox-Relay-Secret", "guessed")
        .addHeader("X-Crabbox-Relay-Lease", lease)
        .addHeader("X-Crabbox-Relay-Kind", "vnc")));
    assertEquals(403, assertInstanceOf(UpgradeRejectedException.class, refused).getStatus());
    Await.result(client.close());
  }

  /**
   * Writes {@code payload} in pieces and collects what comes back until as many bytes returned
   * (the lease side's end is no proof: it may come early); then closes the stream.
   */
  private static Future<Buffer> echo(LeaseBridgeStream stream, Buffer payload) {
    Promise<Buffer> done = Promise.promise();
    Buffer received = Buffer.buffer();
    stream.handler(bytes -> {
      received.appendBuffer(bytes);
      if (received.length() >= payload.length()) {
        done.tryComplete(received);
      }
    });
    stream.endHandler(v -> done.tryFail("the lease side ended after " + received.length()
        + " of " + payload.length() + " bytes"));
    stream.exceptionHandler(done::tryFail);
    for (int from = 0; from < payload.length(); from += 100_000) {
      stream.write(payload.slice(from, Math.min(payload.length(), from + 100_000)));
    }
    return done.future().onComplete(ar -> stream.reset("echo checked"));
  }

  private ApiException refusal(int node, String lease, LeaseBridgeKind kind) {
    Throwable failure = Await.failure(onNodeFuture(node,
        n -> n.bridges().openStream(lease, kind)));
    return assertInstanceOf(ApiException.class, failure);
  }

  private boolean connectedOn(int index, String lease) {
    Boolean connected = onNode(index, node -> Future.succeededFuture(node.bridges().connected(lease,
        LeaseBridgeKind.VNC)));
    return connected;
  }

  private <T> T onNode(int index, Function<Node, Future<T>> action) {
    return Await.result(onNodeFuture(index, action));
  }

  private <T> Future<T> onNodeFuture(int index, Function<Node, Future<T>> action) {
    Node node = handles.get(index);
    Promise<T> result = Promise.promise();
    node.context().runOnContext(v -> action.apply(node).onComplete(result));
    return result.future();
  }

  private String lease(boolean desktop, boolean code) {
    HttpResponse<Buffer> response = Await.result(http.postAbs(base(0) + "/v1/leases")
        .bearerTokenAuthentication(alice)
        .sendJsonObject(new JsonObject().put("labels", new JsonObject().put("desktop", desktop)
            .put("code", code))));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("id");
  }

  /** A real lease bridge agent on node A; {@code reachable}: whether its lease port answers. */
  private String startAgent(String lease, LeaseBridgeKind kind, boolean reachable) {
    HttpResponse<Buffer> ticket = Await.result(http.postAbs(base(1) + "/v1/leases/" + lease
        + "/bridges/" + kind.wire() + "/ticket").bearerTokenAuthentication(alice).send());
    assertEquals(201, ticket.statusCode(), ticket.bodyAsString());
    LeaseBridgeVerticle agent = new LeaseBridgeVerticle(new LeaseBridgeOptions()
        .setKind(kind)
        .setCoordinator(URI.create(base(0)))
        .setLease(lease)
        .setTicketSource(TicketSource.fixed(ticket.bodyAsJsonObject().getString("ticket")))
        .setDialer((address, port, timeout) -> reachable && address.isLoopbackAddress()
            ? dialClient.connect(echo.actualPort(), "127.0.0.1")
            : Future.failedFuture("connection refused: " + address.getHostAddress() + ":" + port))
        .setReconnectBackoffMin(Duration.ofMillis(20))
        .setReconnectBackoffMax(Duration.ofMillis(100)));
    String id = Await.result(vertx.deployVerticle(agent));
    Await.result(agent.connected());
    return id;
  }

  private void undeploy(String agent) {
    Await.result(vertx.undeploy(agent));
  }

  private String base(int index) {
    return coordinators.get(index).baseUri().toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
