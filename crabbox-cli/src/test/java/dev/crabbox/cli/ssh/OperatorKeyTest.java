package dev.crabbox.cli.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.config.CliConfigStore;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorKeyTest {
  @TempDir
  Path home;

  private CliSettings settings(Map<String, String> env) {
    return new CliSettings(env, new CliConfigStore(CliConfigStore.defaultFile(env, home)));
  }

  @Test
  void generatesAnOwnerOnlyEd25519KeyInTheConfigDirectoryOnFirstUse() throws IOException {
    OperatorKey key = OperatorKey.resolve(settings(Map.of()));

    Path expected = home.resolve(".config/crabbox/ssh/id_ed25519");
    assertEquals(expected, key.privateKey());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(expected)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(expected.getParent())));
    assertTrue(key.publicLine().startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"), key.publicLine());
    assertEquals(key.publicLine() + "\n",
        Files.readString(expected.resolveSibling("id_ed25519.pub"), StandardCharsets.US_ASCII));
    assertTrue(SshPublicKeys.isFingerprint(SshPublicKeys.fingerprint(key.publicLine())));
  }

  @Test
  void reusesTheKeyOnLaterCalls() {
    OperatorKey first = OperatorKey.resolve(settings(Map.of()));
    OperatorKey second = OperatorKey.resolve(settings(Map.of()));
    assertEquals(first, second);
  }

  @Test
  void opensshReadsTheGeneratedKeyAndDerivesTheSamePublicKey() throws Exception {
    OperatorKey key = OperatorKey.resolve(settings(Map.of()));
    Process keygen = new ProcessBuilder("ssh-keygen", "-y", "-f", key.privateKey().toString())
        .redirectErrorStream(true).start();
    String derived = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    assertTrue(keygen.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, keygen.exitValue(), derived);
    String[] ours = key.publicLine().split(" ");
    String[] theirs = derived.split(" ");
    assertEquals(ours[0] + " " + ours[1], theirs[0] + " " + theirs[1]);
  }

  @Test
  void aConfiguredKeyIsUsedAndMustExist() throws IOException {
    OperatorKey generated = OperatorKey.loadOrCreate(home.resolve("elsewhere/key"));
    OperatorKey configured = OperatorKey.resolve(settings(
        Map.of(CliSettings.ENV_SSH_KEY, generated.privateKey().toString())));
    assertEquals(generated.publicLine(), configured.publicLine());
    assertTrue(Files.notExists(home.resolve(".config/crabbox/ssh/id_ed25519")));

    UsageException missing = assertThrows(UsageException.class, () -> OperatorKey.resolve(settings(
        Map.of(CliSettings.ENV_SSH_KEY, home.resolve("nope").toString()))));
    assertEquals("SSH key " + home.resolve("nope") + " (from CRABBOX_SSH_KEY) does not exist or is not readable",
        missing.getMessage());
  }

  @Test
  void aFileThatIsNotAKeyIsAClearUsageError() throws IOException {
    Path junk = Files.writeString(home.resolve("junk"), "hello");
    UsageException e = assertThrows(UsageException.class, () -> OperatorKey.load(junk));
    assertTrue(e.getMessage().startsWith("cannot read SSH key " + junk), e.getMessage());
  }
}
