package dev.crabbox.cli.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.runtime.ManualShutdownSignal;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.testing.TestSshHost;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's real {@code static} provider with an operator's host ({@link TestSshHost})
 * that already authorizes the operator key: warmup → run → status → stop.
 */
@Timeout(120)
class StaticHostWorkflowTest {
  @TempDir
  Path dir;

  @Test
  void warmupRunStatusStopOnAConfiguredStaticHost() throws Exception {
    Path home = dir.resolve("home");
    CliEnvironment environment = new CliEnvironment(Map.of(), home, new ManualShutdownSignal());
    OperatorKey key = OperatorKey.resolve(environment.settings());
    Vertx vertx = Vertx.vertx();
    try (TestSshHost host = TestSshHost.start(key.publicLine(), Files.createDirectories(dir.resolve("box")))) {
      JsonObject providers = host.staticProvidersConfig("box1");
      CoordinatorVerticle coordinator = new CoordinatorVerticle(new CoordinatorOptions().setPort(0)
          .setDataDir(dir.resolve("data")).setProvidersConfig(providers));
      vertx.deployVerticle(coordinator).await();
      String url = "http://127.0.0.1:" + coordinator.actualPort();

      CliRunner.Result warm = cli(home, url, coordinator).run("warmup", "--static-host", "box1",
          "--poll-interval", "100ms");
      assertEquals(ExitCodes.OK, warm.exitCode(), warm.err());
      String lease = warm.out().trim().split(" ")[0];

      CliRunner.Result run = cli(home, url, coordinator).run("run", "--id", lease, "--", "echo \"$PWD\"; exit 4");
      assertEquals(4, run.exitCode(), run.err());
      assertEquals(dir.resolve("box").toRealPath() + "\n", run.out());

      CliRunner.Result status = cli(home, url, coordinator).run("status", lease);
      assertTrue(status.out().contains("static"), status.out());

      assertEquals(ExitCodes.OK, cli(home, url, coordinator).run("stop", lease).exitCode());
      CliRunner.Result code = cli(home, url, coordinator).run("warmup", "--static-host", "box1", "--code");
      assertEquals(ExitCodes.USAGE, code.exitCode());
      assertEquals("crabbox: web code currently supports managed Linux leases only\n", code.err());
    } finally {
      vertx.close().await();
    }
  }

  private static CliRunner cli(Path home, String url, CoordinatorVerticle coordinator) {
    return new CliRunner(home).env("CRABBOX_COORDINATOR", url).env("CRABBOX_TOKEN", coordinator.adminToken());
  }
}
