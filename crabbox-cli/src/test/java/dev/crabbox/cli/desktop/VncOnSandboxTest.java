package dev.crabbox.cli.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.runtime.ManualShutdownSignal;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.testing.TestSshHost;
import dev.crabbox.protocol.capability.Probes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vnc} and {@code desktop launch} against a lease on the built-in sandbox SSH server (the
 * local provider's, here behind a static host), which deliberately allows no port forwarding.
 */
@Timeout(120)
class VncOnSandboxTest {
  @TempDir
  Path dir;

  @Test
  void vncSaysTheServerAllowsNoForwardingAndLaunchFindsNoDesktop() throws Exception {
    Path home = dir.resolve("home");
    OperatorKey key = OperatorKey.resolve(new CliEnvironment(Map.of(), home, new ManualShutdownSignal()).settings());
    Vertx vertx = Vertx.vertx();
    try (TestSshHost host = TestSshHost.start(key.publicLine(), Files.createDirectories(dir.resolve("box")))) {
      JsonObject providers = host.staticProvidersConfig("box1");
      CoordinatorVerticle coordinator = new CoordinatorVerticle(new CoordinatorOptions().setPort(0)
          .setDataDir(dir.resolve("data")).setProvidersConfig(providers));
      vertx.deployVerticle(coordinator).await();
      Supplier<CliRunner> cli = () -> new CliRunner(home)
          .env("CRABBOX_COORDINATOR", "http://127.0.0.1:" + coordinator.actualPort())
          .env("CRABBOX_TOKEN", coordinator.adminToken());
      CliRunner.Result warm = cli.get().run("warmup", "--static-host", "box1", "--poll-interval", "100ms");
      assertEquals(ExitCodes.OK, warm.exitCode(), warm.err());
      String lease = warm.out().trim().split(" ")[0];

      CliRunner.Result vnc = cli.get().run("vnc", "--id", lease);

      assertEquals(ExitCodes.FATAL, vnc.exitCode(), vnc.out());
      assertEquals("crabbox: crabbox vnc needs SSH port forwarding to reach 127.0.0.1:5900 on the lease, and the "
          + "SSH server at operator@" + host.host() + ":" + host.port() + " allows none (the local provider's "
          + "built-in SSH server never does); use a lease whose SSH server permits TCP forwarding\n", vnc.err());

      // No VNC listener on this machine's 127.0.0.1:5900 is assumed, as on any CI runner.
      CliRunner.Result launch = cli.get().run("desktop", "launch", "--id", lease, "--url", "https://example.com");
      assertEquals(ExitCodes.FATAL, launch.exitCode(), launch.out());
      assertEquals("crabbox: " + Probes.desktopNotFound() + "\n", launch.err());
    } finally {
      vertx.close().await();
    }
  }
}
