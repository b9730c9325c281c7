package dev.crabbox.cli.egress.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.coordinator.testing.TestSshHost;
import dev.crabbox.protocol.api.LeaseMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lease-side steps over a real SSH connection to an in-JVM host whose commands run here. */
@Timeout(60)
class LeaseEgressClientTest {
  @TempDir
  Path dir;

  @Test
  void theHelperIsUploadedOnceByChecksumAndJavaIsFound() throws Exception {
    OperatorKey key = OperatorKey.loadOrCreate(dir.resolve("key"));
    Path box = Files.createDirectories(dir.resolve("box"));
    try (TestSshHost host = TestSshHost.start(key.publicLine(), box);
        LeaseShell shell = LeaseShell.connect(new LeaseMachine.Ssh(host.host(), host.port(), host.user(),
            host.hostKeyFingerprint()), key, Duration.ofSeconds(15))) {
      LeaseEgressClient client = new LeaseEgressClient(shell);
      AgentJar jar = AgentJar.carried();

      client.requireJava();
      assertTrue(client.install(jar), "the first start uploads");
      assertFalse(client.install(jar), "the same checksum is not uploaded again");

      Path copy = box.resolve(".cache/crabbox/agent/" + jar.fileName());
      assertEquals(jar.sha256(), sha256(copy));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
      assertEquals(OptionalLong.empty(), client.stop(), "nothing to stop");
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
