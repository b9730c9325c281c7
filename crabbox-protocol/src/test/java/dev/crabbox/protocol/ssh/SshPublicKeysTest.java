package dev.crabbox.protocol.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SshPublicKeysTest {

  // Generated with ssh-keygen -t ed25519; fingerprint as printed by ssh-keygen -l.
  static final String KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEKp9dsRlTEj9jQHkyTsnMoCfZk4NVPhNVwHWYYJK/xE test@crabbox";

  @Test
  void fingerprintMatchesSshKeygen() {
    assertEquals("SHA256:x82kPkv7sKXZU58EbYBgl8VSYRqdKYxIdczrnkGSWho", SshPublicKeys.fingerprint(KEY));
    assertTrue(SshPublicKeys.isFingerprint(SshPublicKeys.fingerprint(KEY)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "ssh-ed25519", "AAAA ssh-ed25519", "ssh-ed25519 !!!!",
      "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
      "ssh-ed25519 AAAA"})
  void malformedKeysAreRefusedWithAReason(String line) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SshPublicKeys.blob(line));
    assertTrue(e.getMessage().startsWith("SSH public key"), e.getMessage());
  }

  @Test
  void fingerprintShape() {
    assertFalse(SshPublicKeys.isFingerprint("MD5:aa:bb"));
    assertFalse(SshPublicKeys.isFingerprint(null));
  }
}
