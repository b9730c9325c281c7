package dev.crabbox.coordinator.provider.hetzner;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** OpenSSH ed25519 public key lines with a well-formed blob, made from a seed byte. */
final class TestKeys {

  private TestKeys() {}

  /** {@code ssh-ed25519 AAAA… comment}; the blob holds the type and 32 bytes of {@code seed}. */
  static String ed25519(int seed, String comment) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes)) {
      byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
      out.writeInt(type.length);
      out.write(type);
      byte[] key = new byte[32];
      Arrays.fill(key, (byte) seed);
      out.writeInt(key.length);
      out.write(key);
      out.flush();
      return "ssh-ed25519 " + Base64.getEncoder().encodeToString(bytes.toByteArray()) + " "
          + comment;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
