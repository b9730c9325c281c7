package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.store.PostgresUrl;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestPostgres;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Coordinator nodes, each {@link ClusterNodeMain} in a JVM of its own, clustered on loopback and
 * sharing a fresh PostgreSQL database (dropped on close). Every node gets the same signing key
 * and admin token, as docs/cluster.md asks. Node output stays under {@code target/<name>/}.
 */
public final class TestCluster implements AutoCloseable {

  private final Vertx vertx;
  private final PostgresUrl database;
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final CoordinatorKeys keys;

  private TestCluster(Vertx vertx, PostgresUrl database, CoordinatorKeys keys) {
    this.vertx = vertx;
    this.database = database;
    this.keys = keys;
  }

  /** Starts {@code size} nodes with data directories under {@code dir}; waits until all listen. */
  public static TestCluster start(Vertx vertx, Path dir, int size, String name) {
    try {
      PostgresUrl admin = TestPostgres.adminUrl();
      PostgresUrl database = Await.result(TestPostgres.createDatabase(vertx));
      Path first = dir.resolve("node1");
      CoordinatorKeys keys = CoordinatorKeys.loadOrCreate(first, Clock.systemUTC());
      for (int i = 2; i <= size; i++) {
        Path data = Files.createDirectories(dir.resolve("node" + i));
        for (String file : List.of(CoordinatorKeys.SIGNING_KEY_FILE, CoordinatorKeys.ADMIN_TOKEN_FILE)) {
          Files.copy(first.resolve(file), data.resolve(file));
        }
      }
      List<String> members = new ArrayList<>();
      int[] hazelcast = new int[size];
      for (int i = 0; i < size; i++) {
        hazelcast[i] = NodeProcess.freePort();
        members.add("127.0.0.1:" + hazelcast[i]);
      }
      String pgUrl = "postgresql://" + admin.user() + ":" + admin.password() + "@" + admin.host()
          + ":" + admin.port() + "/" + database.database();
      Path logs = Files.createDirectories(Path.of("target", name));
      TestCluster cluster = new TestCluster(vertx, database, keys);
      for (int i = 0; i < size; i++) {
        cluster.nodes.add(NodeProcess.start("node" + (i + 1), dir.resolve("node" + (i + 1)), pgUrl,
            hazelcast[i], String.join(",", members), logs));
      }
      cluster.nodes.forEach(NodeProcess::awaitReady);
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HTTP port of node {@code number} (1-based). */
  public int port(int number) {
    return nodes.get(number - 1).httpPort();
  }

  /** kill -9 of node {@code number} (1-based). */
  public void kill(int number) {
    nodes.get(number - 1).kill();
  }

  public String adminToken() {
    return keys.adminToken();
  }

  /** A user's token, valid on every node (they share the signing key). */
  public String token(String owner, String org) {
    return keys.mintToken(owner, org, Role.USER);
  }

  /** Lines of every node's output that contain both texts. */
  public long countLines(String text, String andText) {
    return nodes.stream().mapToLong(node -> node.output().lines()
        .filter(line -> line.contains(text) && line.contains(andText)).count()).sum();
  }

  @Override
  public void close() {
    nodes.forEach(NodeProcess::kill);
    Await.result(TestPostgres.dropDatabase(vertx, database));
  }
}
