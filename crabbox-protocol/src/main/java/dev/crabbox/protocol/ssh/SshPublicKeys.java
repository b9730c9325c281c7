package dev.crabbox.protocol.ssh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * OpenSSH public key lines ({@code ssh-ed25519 AAAA… comment}) and their {@code SHA256:}
 * fingerprints, as {@code ssh-keygen -l} prints them. Host keys are pinned by this fingerprint.
 */
public final class SshPublicKeys {

  private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");
  private static final Pattern KEY_TYPE = Pattern.compile("(ssh|ecdsa|sk)-[a-z0-9@.-]+");

  private SshPublicKeys() {}

  /** {@code SHA256:} and the unpadded base64 of the SHA-256 of the key blob. */
  public static String fingerprint(byte[] keyBlob) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The fingerprint of an authorized-keys style line. */
  public static String fingerprint(String publicKeyLine) {
    return fingerprint(blob(publicKeyLine));
  }

  /**
   * The key blob of {@code type base64 [comment]}, checked: the type is an SSH key type and the
   * blob starts with that same type name.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  public static byte[] blob(String publicKeyLine) {
    if (publicKeyLine == null || publicKeyLine.isBlank()) {
      throw new IllegalArgumentException("SSH public key is empty");
    }
    String[] parts = publicKeyLine.trim().split("\\s+");
    if (parts.length < 2 || !KEY_TYPE.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException(
          "SSH public key must look like \"ssh-ed25519 AAAA... comment\" (one OpenSSH line)");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SSH public key is not valid base64 after its type");
    }
    String embedded = embeddedType(blob);
    if (!parts[0].equals(embedded)) {
      throw new IllegalArgumentException("SSH public key says " + parts[0]
          + " but its data is " + (embedded == null ? "not a key" : embedded));
    }
    return blob;
  }

  /** Whether {@code text} is a well-formed {@code SHA256:} fingerprint. */
  public static boolean isFingerprint(String text) {
    return text != null && FINGERPRINT.matcher(text).matches();
  }

  private static String embeddedType(byte[] blob) {
    if (blob.length < 4) {
      return null;
    }
    int length = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8)
        | (blob[3] & 0xff);
    if (length <= 0 || length > 64 || 4 + length > blob.length) {
      return null;
    }
    return new String(blob, 4, length, StandardCharsets.US_ASCII);
  }
}
