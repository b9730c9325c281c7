package dev.crabbox.coordinator.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crabbox.protocol.api.LeaseMachine;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSshHostTest {

  @Test
  void runsCommandsForTheAuthorizedKeyInItsDirectory(@TempDir Path workDir) throws Exception {
    KeyPair operatorKey = TestKeys.newKeyPair();
    try (TestSshHost host = TestSshHost.start(TestKeys.publicKeyLine(operatorKey), workDir);
        TestSshClient client = new TestSshClient()) {
      LeaseMachine.Ssh ssh = new LeaseMachine.Ssh(host.host(), host.port(), host.user(),
          host.hostKeyFingerprint());
      TestSshClient.Result result = client.exec(ssh, operatorKey, "pwd; echo \"$USER\"; exit 7");
      assertEquals(workDir + "\n" + TestSshHost.USER + "\n", result.stdout());
      assertEquals(7, result.exitStatus());
      assertThrows(IOException.class, () -> client.exec(ssh, TestKeys.newKeyPair(), "true"));
    }
  }
}
