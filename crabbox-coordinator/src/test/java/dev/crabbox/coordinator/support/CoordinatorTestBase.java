package dev.crabbox.coordinator.support;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup most API tests share (as Vert.x's own tests share {@code VertxTestBase}): a fresh
 * coordinator per test, on a random port with a movable clock and its own data directory, and a
 * bearer token for alice of acme. The coordinator is stopped after each test, unless the test
 * stopped it itself.
 */
@ExtendWith(VertxExtension.class)
public abstract class CoordinatorTestBase {

  protected TestCoordinator coordinator;
  protected String alice;

  @BeforeEach
  protected final void startCoordinator(Vertx vertx, @TempDir Path dataDir) {
    coordinator = TestCoordinator.start(vertx, dataDir);
    alice = coordinator.token("alice", "acme");
  }

  @AfterEach
  protected final void stopCoordinator() {
    coordinator.stop();
  }
}
