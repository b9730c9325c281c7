package dev.crabbox.cli.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.TestCoordinator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The built-in {@code local} provider's SSH server deliberately allows no forwarding: vnc says so. */
@Timeout(120)
class VncOnLocalProviderTest {
  @TempDir
  Path dir;

  @Test
  void vncOnALocalLeaseExplainsThatItsServerForwardsNothing() {
    try (TestCoordinator coordinator = new TestCoordinator(dir.resolve("data"))) {
      Path home = dir.resolve("home");
      CliRunner.Result warm = coordinator.cli(home).run("warmup", "--poll-interval", "100ms");
      assertEquals(ExitCodes.OK, warm.exitCode(), warm.err());
      String lease = warm.out().trim().split(" ")[1];

      CliRunner.Result vnc = coordinator.cli(home).run("vnc", "--id", lease);

      assertEquals(ExitCodes.FATAL, vnc.exitCode(), vnc.out());
      assertTrue(vnc.err().startsWith("crabbox: crabbox vnc needs SSH port forwarding to reach 127.0.0.1:5900 on "
          + "the lease, and the SSH server at "), vnc.err());
      assertTrue(vnc.err().endsWith(" allows none (the local provider's built-in SSH server never does); use a "
          + "lease whose SSH server permits TCP forwarding\n"), vnc.err());
    }
  }
}
