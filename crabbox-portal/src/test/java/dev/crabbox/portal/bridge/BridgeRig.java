package dev.crabbox.portal.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.agent.BridgeListener;
import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.host.Dialer;
import dev.crabbox.agent.lease.LeaseBridgeOptions;
import dev.crabbox.agent.lease.LeaseBridgeVerticle;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.RouteContributor;
import dev.crabbox.coordinator.bridge.LeaseBridges;
import dev.crabbox.coordinator.store.LeaseInputs;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A coordinator with a lease bridge agent on loopback: the "lease port" of each kind is a test
 * server on a random loopback port, reached through a dialer that records the fixed port the
 * agent asked for (5900/8080) and connects to the test server instead. Also mounts
 * {@code extra} route contributors (the portal bridge routes). Blocking helpers: test thread only.
 */
final class BridgeRig {

  final TestCoordinator coordinator;
  final String alice;
  final String bob;
  final String mallory;
  final List<Integer> dialledPorts = new CopyOnWriteArrayList<>();
  final AtomicInteger connects = new AtomicInteger();
  private final Vertx vertx;
  private final Map<Integer, Integer> leasePorts;
  private volatile CoordinatorServices services;
  private volatile Context coordinatorContext;
  private NetClient dialClient;

  /** {@code leasePorts}: the fixed lease port (5900, 8080) → the test server standing in for it. */
  BridgeRig(Vertx vertx, Path dataDir, Map<Integer, Integer> leasePorts, RouteContributor... extra) {
    this.vertx = vertx;
    this.leasePorts = leasePorts;
    this.coordinator = TestCoordinator.start(vertx, dataDir, options -> configure(options, extra));
    this.alice = coordinator.token("alice", "acme");
    this.bob = coordinator.token("bob", "other");
    this.mallory = coordinator.token("mallory", "evil");
    this.dialClient = vertx.createNetClient(new NetClientOptions());
  }

  private void configure(CoordinatorOptions options, RouteContributor[] extra) {
    options.setPingInterval(Duration.ofMillis(200)).setIdleTimeout(Duration.ofSeconds(5));
    options.addRouteContributor((router, s) -> {
      services = s;
      coordinatorContext = Vertx.currentContext();
    });
    for (RouteContributor contributor : extra) {
      options.addRouteContributor(contributor);
    }
  }

  CoordinatorServices services() {
    return services;
  }

  /** A manual lease of alice's with the given capability labels. */
  String lease(boolean desktop, boolean code) {
    HttpResponse<Buffer> response = coordinator.post("/v1/leases", alice, new JsonObject()
        .put("labels", new JsonObject().put("desktop", desktop).put("code", code)));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("id");
  }

  /**
   * Inserts an active lease of alice's with the code label and a code-server token among its
   * provision inputs, as a managed lease has them; returns its id.
   */
  String codeLease(String id, String slug, String codeServerToken) {
    java.time.Instant now = coordinator.clock().instant();
    Duration ttl = Duration.ofHours(1);
    LeaseRecord lease = new LeaseRecord(id, slug, "alice", "acme", "hetzner", "linux", LeaseState.ACTIVE,
        false, false, true, ttl, ttl, now, now, now, LeaseRecord.expiry(now, now, ttl, ttl), null, null,
        null, false, new LeaseInputs("", Map.of(), Map.of("codeServerToken", codeServerToken)));
    onCoordinator(() -> services.store().insertLease(lease));
    return id;
  }

  /** Shares the lease with bob for use. */
  void shareWithBobForUse(String leaseId) {
    share(leaseId, new JsonObject().put("users", new JsonObject().put("bob", "use")));
  }

  /** Replaces the lease's shares, as alice. */
  void share(String leaseId, JsonObject shares) {
    HttpResponse<Buffer> response = coordinator.request(HttpMethod.PUT,
        "/v1/leases/" + leaseId + "/share", alice, shares);
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  String ticket(String token, String leaseId, LeaseBridgeKind kind) {
    HttpResponse<Buffer> response = coordinator.post("/v1/leases/" + leaseId + "/bridges/" + kind.wire()
        + "/ticket", token, null);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("ticket");
  }

  /** Starts a lease bridge agent of {@code kind} with a fresh ticket of alice's; waits until it is connected. */
  LeaseBridgeVerticle startAgent(String leaseId, LeaseBridgeKind kind) {
    return startAgent(leaseId, kind, alice);
  }

  /** Starts a lease bridge agent with a fresh ticket minted by {@code token}'s user. */
  LeaseBridgeVerticle startAgent(String leaseId, LeaseBridgeKind kind, String token) {
    LeaseBridgeVerticle agent = new LeaseBridgeVerticle(new LeaseBridgeOptions()
        .setKind(kind)
        .setCoordinator(URI.create("http://127.0.0.1:" + coordinator.port()))
        .setLease(leaseId)
        .setTicketSource(TicketSource.fixed(ticket(token, leaseId, kind)))
        .setDialer(dialer())
        .setReconnectBackoffMin(Duration.ofMillis(20))
        .setReconnectBackoffMax(Duration.ofMillis(100))
        .setBridgeListener(new BridgeListener() {
          @Override
          public void onConnected(BridgeSession session) {
            connects.incrementAndGet();
          }
        }));
    Await.result(vertx.deployVerticle(agent));
    Await.result(agent.connected());
    return agent;
  }

  private Dialer dialer() {
    return (address, port, timeout) -> {
      dialledPorts.add(port);
      Integer actual = leasePorts.get(port);
      if (!address.isLoopbackAddress() || actual == null) {
        return Future.failedFuture("connection refused: " + address.getHostAddress() + ":" + port);
      }
      return dialClient.connect(actual, "127.0.0.1");
    };
  }

  /** Runs {@code action} on the coordinator's context and waits for its result. */
  <T> T onCoordinator(Supplier<Future<T>> action) {
    Promise<T> result = Promise.promise();
    coordinatorContext.runOnContext(v -> action.get().onComplete(result));
    return Await.result(result.future());
  }

  /** Runs {@code action} with the coordinator's lease bridges on its context. */
  <T> T withBridges(Function<LeaseBridges, Future<T>> action) {
    return onCoordinator(() -> action.apply(services.leaseBridges().bridges()));
  }

  void stop() {
    coordinator.stop();
    dialClient.close();
  }
}
