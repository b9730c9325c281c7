package dev.crabbox.cli.component;

import static dev.crabbox.cli.component.ComponentRig.await;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.cli.demo.LocalEgressRig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the component tests that each run on a fresh {@link LocalEgressRig}: coordinator, egress
 * host and lease proxy (both v2) on loopback, started before every test and stopped after it.
 * A subclass's own {@code @BeforeEach} runs after the rig is up.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class LoopbackRigTest {

  @TempDir
  Path dataDir;

  LocalEgressRig rig;

  @BeforeEach
  void startRig(Vertx vertx) throws Exception {
    rig = await(LocalEgressRig.start(vertx, dataDir, LocalEgressRig.Settings.loopback(WireVersion.V2)));
  }

  @AfterEach
  void stopRig() throws Exception {
    await(rig.stop());
  }
}
