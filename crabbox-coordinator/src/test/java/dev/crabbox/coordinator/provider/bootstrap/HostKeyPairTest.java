package dev.crabbox.coordinator.provider.bootstrap;

import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.run;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.ProcessResult;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated host key is one OpenSSH itself reads back to the same public key. */
class HostKeyPairTest {

  @TempDir
  Path dir;

  @Test
  void sshKeygenDerivesTheSamePublicKeyFromThePrivateKey() throws IOException {
    HostKeyPair pair = HostKeyPair.generate(new SecureRandom(), "crabbox-host-cbx_test");

    ProcessResult derived = run(List.of("ssh-keygen", "-y", "-f", privateKeyFile(pair).toString()),
        dir);
    assertEquals(0, derived.exitCode(), derived.output());
    assertEquals(withoutComment(pair.publicLine()), withoutComment(derived.output().strip()));
  }

  @Test
  void sshKeygenPrintsTheFingerprintTheCoordinatorPins() throws IOException {
    HostKeyPair pair = HostKeyPair.generate(new SecureRandom(), "crabbox-host-cbx_test");
    Path publicFile = write(dir, "host.pub", pair.publicLine() + "\n");

    ProcessResult listed = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f",
        publicFile.toString()), dir);
    assertEquals(0, listed.exitCode(), listed.output());
    String fingerprint = listed.output().split(" ")[1];
    assertEquals(SshPublicKeys.fingerprint(pair.publicLine()), fingerprint);
    assertTrue(listed.output().strip().endsWith("(ED25519)"), listed.output());
  }

  @Test
  void privateKeyIsAnUnencryptedOpenSshKeyWithTheComment() throws IOException {
    HostKeyPair pair = HostKeyPair.generate(new SecureRandom(), "crabbox-host-cbx_test");
    assertTrue(pair.privatePem().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
    assertTrue(pair.privatePem().endsWith("-----END OPENSSH PRIVATE KEY-----\n"));
    assertTrue(pair.privatePem().lines().allMatch(line -> line.length() <= 70));

    // ssh-keygen -l on the private file itself reads the key and comment from its private section.
    ProcessResult listed = run(List.of("ssh-keygen", "-l", "-f",
        privateKeyFile(pair).toString()), dir);
    assertEquals(0, listed.exitCode(), listed.output());
    assertTrue(listed.output().contains(" crabbox-host-cbx_test (ED25519)"), listed.output());
  }

  @Test
  void everyKeyIsNewAndToStringHidesThePrivateHalf() {
    HostKeyPair first = HostKeyPair.generate(new SecureRandom(), "a");
    HostKeyPair second = HostKeyPair.generate(new SecureRandom(), "a");

    assertNotEquals(first.publicLine(), second.publicLine());
    assertFalse(first.toString().contains("PRIVATE"), first.toString());
  }

  private Path privateKeyFile(HostKeyPair pair) throws IOException {
    Path file = write(dir, "host_key", pair.privatePem());
    // ssh-keygen refuses private keys that others can read.
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static String withoutComment(String publicLine) {
    String[] parts = publicLine.split(" ");
    return parts[0] + " " + parts[1];
  }
}
