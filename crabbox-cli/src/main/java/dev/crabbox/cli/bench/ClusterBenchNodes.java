package dev.crabbox.cli.bench;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.cluster.ClusterSettings;
import dev.crabbox.coordinator.cluster.CoordinatorVertx;
import dev.crabbox.coordinator.store.PostgresUrl;
import dev.crabbox.coordinator.store.StoreKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Two clustered coordinator nodes in this JVM (each its own clustered Vert.x, Hazelcast on
 * loopback, one PostgreSQL database) for {@code crabbox bench egress --cluster}: agents on the
 * same node measure the single-node path, agents on different nodes the cross-node relay.
 */
final class ClusterBenchNodes {

  private final List<Vertx> nodes = new ArrayList<>();
  private final List<CoordinatorVerticle> coordinators = new ArrayList<>();
  private String adminToken;

  /** Starts both nodes with the same keys; blocking (call it from the command's thread). */
  static ClusterBenchNodes start(Path dataDir, PostgresUrl database) throws Exception {
    ClusterBenchNodes started = new ClusterBenchNodes();
    Path first = dataDir.resolve("node-a");
    Path second = Files.createDirectories(dataDir.resolve("node-b"));
    CoordinatorKeys keys = CoordinatorKeys.loadOrCreate(first, Clock.systemUTC());
    for (String file : List.of(CoordinatorKeys.SIGNING_KEY_FILE, CoordinatorKeys.ADMIN_TOKEN_FILE)) {
      Files.copy(first.resolve(file), second.resolve(file));
    }
    started.adminToken = keys.adminToken();
    int[] ports = {freePort(), freePort()};
    List<String> members = List.of("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]);
    for (int i = 0; i < 2; i++) {
      Vertx vertx = CoordinatorVertx.clustered(new ClusterSettings("127.0.0.1", ports[i], members))
          .await();
      started.nodes.add(vertx);
      CoordinatorVerticle coordinator = new CoordinatorVerticle(new CoordinatorOptions()
          .setHost("127.0.0.1").setPort(0).setDataDir(i == 0 ? first : second)
          .setStore(StoreKind.POSTGRES).setPostgresUrl(database));
      vertx.deployVerticle(coordinator).await();
      started.coordinators.add(coordinator);
    }
    return started;
  }

  URI node(int index) {
    return coordinators.get(index).baseUri();
  }

  /** The clustered Vert.x of node {@code index} (0: A, 1: B). */
  Vertx vertx(int index) {
    return nodes.get(index);
  }

  String adminToken() {
    return adminToken;
  }

  Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    for (Vertx vertx : nodes) {
      chain = chain.eventually(vertx::close);
    }
    return chain;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
