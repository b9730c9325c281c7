package dev.crabbox.coordinator.provider.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.testing.TestKeys;
import dev.crabbox.coordinator.testing.TestSshClient;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.ProviderSpec;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class LocalProviderTest {

  private static final String LEASE = "cbx_0123456789ab";

  @TempDir Path dataDir;
  private final KeyPair operatorKey = TestKeys.newKeyPair();
  private final TestSshClient ssh = new TestSshClient();
  private LeaseProvider provider;
  private LeaseMachine.Ssh lease;

  @BeforeEach
  void provision(Vertx vertx) {
    provider = LocalLeases.provider(vertx, dataDir);
    Provisioned provisioned = Await.result(provider.provision(LocalLeases.request(LEASE, operatorKey)));
    assertEquals(LEASE, provisioned.providerRef());
    lease = provisioned.machine().ssh();
  }

  @AfterEach
  void stop() {
    ssh.close();
    Await.result(provider.close());
  }

  @Test
  void leaseIsALoopbackSshServerWithThePersistentHostKeyPinned() throws Exception {
    assertEquals(ProviderSpec.LOCAL, provider.spec());
    assertEquals("127.0.0.1", lease.host());
    assertEquals("crabbox", lease.user());
    assertTrue(SshPublicKeys.isFingerprint(lease.hostKey()), lease.hostKey());
    Path hostKey = dataDir.resolve("providers/local/host_key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hostKey)));
    // The client checks the key MINA itself fingerprints against the pinned one.
    assertEquals(0, ssh.exec(lease, operatorKey, "true").exitStatus());
  }

  @Test
  void commandsRunInTheSandboxWithItAsHome() throws Exception {
    Path sandbox = LocalLeases.sandbox(dataDir, LEASE);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sandbox)));
    assertEquals(sandbox + "\n", ssh.exec(lease, operatorKey, "pwd").stdout());
    assertEquals(sandbox + "\n", ssh.exec(lease, operatorKey, "echo $HOME").stdout());
    ssh.exec(lease, operatorKey, "echo kept > note.txt");
    assertEquals("kept\n", Files.readString(sandbox.resolve("note.txt")));
  }

  @Test
  void clientEnvironmentReachesTheCommand() throws Exception {
    TestSshClient.Result result = ssh.exec(lease, operatorKey, "echo \"$DISPLAY $CRABBOX_DESKTOP $BROWSER\"",
        Map.of("DISPLAY", ":99", "CRABBOX_DESKTOP", "1", "BROWSER", "/usr/bin/chromium"));
    assertEquals(":99 1 /usr/bin/chromium\n", result.stdout());
  }

  @Test
  void theCoordinatorsOwnEnvironmentStaysOut() throws Exception {
    Set<String> passed = Set.of("PATH", "HOME", "PWD", "SHELL", "USER", "LOGNAME", "OLDPWD", "SHLVL", "_");
    Optional<String> secretLike = System.getenv().keySet().stream()
        .filter(name -> name.matches("[A-Z][A-Z0-9_]*") && !passed.contains(name)).sorted().findFirst();
    assumeTrue(secretLike.isPresent(), "the test JVM has no other environment variable to check");
    TestSshClient.Result result = ssh.exec(lease, operatorKey, "printenv " + secretLike.get());
    assertEquals(1, result.exitStatus(), secretLike.get() + " leaked: " + result.stdout());
    assertEquals("", result.stdout());
  }

  @Test
  void exitStatusAndStderrComeBackSeparately() throws Exception {
    TestSshClient.Result result = ssh.exec(lease, operatorKey, "echo out; echo err >&2; exit 3");
    assertEquals(3, result.exitStatus());
    assertEquals("out\n", result.stdout());
    assertEquals("err\n", result.stderr());
  }

  @Test
  void anInteractiveShellRunsWhatIsTyped() throws Exception {
    try (ClientSession session = ssh.login(lease, operatorKey);
        ChannelShell shell = session.createShellChannel()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      shell.setIn(new ByteArrayInputStream("echo shell-$((2 + 3))\nexit 4\n".getBytes(StandardCharsets.UTF_8)));
      shell.setOut(out);
      shell.setErr(new ByteArrayOutputStream());
      shell.open().verify(TestSshClient.BOUND);
      shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestSshClient.BOUND);
      assertEquals(4, shell.getExitStatus());
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("shell-5"), out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void closingTheChannelKillsTheCommand() throws Exception {
    try (ClientSession session = ssh.login(lease, operatorKey)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChannelExec channel = session.createExecChannel("echo $$; exec sleep 600");
      channel.setOut(out);
      channel.open().verify(TestSshClient.BOUND);
      await().until(() -> out.toString(StandardCharsets.UTF_8).endsWith("\n"));
      long pid = Long.parseLong(out.toString(StandardCharsets.UTF_8).trim());
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      channel.close(false).await(TestSshClient.BOUND);
      await().until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
  }

  @Test
  void anotherKeyIsRefused() {
    assertThrows(IOException.class, () -> ssh.exec(lease, TestKeys.newKeyPair(), "true"));
  }

  @Test
  void anotherUserIsRefused() {
    LeaseMachine.Ssh asRoot = new LeaseMachine.Ssh(lease.host(), lease.port(), "root", lease.hostKey());
    assertThrows(IOException.class, () -> ssh.exec(asRoot, operatorKey, "true"));
  }

  @Test
  void aServerWithAnotherHostKeyIsRefused() {
    LeaseMachine.Ssh pinnedElsewhere = new LeaseMachine.Ssh(lease.host(), lease.port(), lease.user(),
        KeyUtils.getFingerPrint(TestKeys.newKeyPair().getPublic()));
    assertThrows(IOException.class, () -> ssh.exec(pinnedElsewhere, operatorKey, "true"));
  }

  @Test
  void provisioningAgainFindsTheSameLease() {
    Provisioned again = Await.result(provider.provision(LocalLeases.request(LEASE, operatorKey)));
    assertEquals(lease, again.machine().ssh());
  }

  @Test
  void releaseStopsTheServerAndRemovesTheSandbox() throws Exception {
    Path sandbox = LocalLeases.sandbox(dataDir, LEASE);
    ssh.exec(lease, operatorKey, "mkdir -p cache/mod && touch cache/mod/f && chmod 555 cache/mod "
        + "&& ln -s " + dataDir.resolve("providers/local") + " link");
    Await.result(provider.release(LEASE, LEASE));
    assertFalse(Files.exists(sandbox));
    assertTrue(Files.exists(dataDir.resolve("providers/local/host_key")), "the link was not followed");
    assertThrows(IOException.class, () -> ssh.exec(lease, operatorKey, "true"));
    Await.result(provider.release(LEASE, LEASE));
    Await.result(provider.release("cbx_000000000000", null));
  }
}
