package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.store.PostgresUrl;
import dev.crabbox.coordinator.store.StoreKind;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One clustered coordinator node in a process of its own, for {@link ClusterProcessTest}: the
 * same wiring as {@code crabbox coordinator serve --cluster} (clustered Vert.x, PostgreSQL store),
 * on an ephemeral HTTP port that it prints as {@code READY <port>} once listening, and a fast
 * sweep so that expiry shows up quickly. Runs until killed.
 *
 * <p>Arguments: data directory, PostgreSQL URL, Hazelcast port, members ({@code h:p,h:p}).
 */
public final class ClusterNodeMain {

  static final String READY = "READY ";
  static final Duration SWEEP_INTERVAL = Duration.ofMillis(300);

  private ClusterNodeMain() {}

  public static void main(String[] args) {
    ClusterSettings settings = new ClusterSettings("127.0.0.1", Integer.parseInt(args[2]),
        ClusterSettings.parseMembers(args[3]));
    Vertx vertx = CoordinatorVertx.clustered(settings).await();
    CoordinatorOptions options = new CoordinatorOptions()
        .setDataDir(Path.of(args[0]))
        .setStore(StoreKind.POSTGRES)
        .setPostgresUrl(PostgresUrl.parse(args[1]))
        .setPort(0)
        .setSweepInterval(SWEEP_INTERVAL);
    CoordinatorVerticle coordinator = new CoordinatorVerticle(options);
    vertx.deployVerticle(coordinator).await();
    System.out.println(READY + coordinator.actualPort());
    System.out.flush();
  }
}
