package dev.crabbox.cli.ssh;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes a JDK Ed25519 key pair in OpenSSH's own formats: the {@code openssh-key-v1} private key
 * file (unencrypted, as {@code ssh-keygen -t ed25519 -N ''} writes it) and the
 * {@code ssh-ed25519 AAAA… comment} public line. Both SSHJ and OpenSSH read them.
 */
final class OpenSshEd25519 {
  static final String KEY_TYPE = "ssh-ed25519";
  private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final int RAW_KEY_BYTES = 32;
  private static final int BLOCK = 8;
  private static final int PEM_LINE = 70;

  private OpenSshEd25519() {
  }

  /** The SSH wire blob of the public key: {@code string "ssh-ed25519", string key}. */
  static byte[] publicBlob(KeyPair pair) {
    SshBytes blob = new SshBytes();
    blob.string(KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
    blob.string(rawPublic(pair));
    return blob.toByteArray();
  }

  /** {@code ssh-ed25519 <base64 blob> <comment>}. */
  static String publicLine(KeyPair pair, String comment) {
    return KEY_TYPE + " " + Base64.getEncoder().encodeToString(publicBlob(pair)) + " " + comment;
  }

  /** The PEM-armoured {@code openssh-key-v1} private key file text. */
  static String privateKeyFile(KeyPair pair, String comment, SecureRandom random) {
    byte[] publicKey = rawPublic(pair);
    byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
        .orElseThrow(() -> new IllegalStateException("the Ed25519 private key hides its bytes"));
    int check = random.nextInt();
    SshBytes secret = new SshBytes();
    secret.uint32(check);
    secret.uint32(check);
    secret.string(KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
    secret.string(publicKey);
    byte[] secretAndPublic = Arrays.copyOf(seed, RAW_KEY_BYTES * 2);
    System.arraycopy(publicKey, 0, secretAndPublic, RAW_KEY_BYTES, RAW_KEY_BYTES);
    secret.string(secretAndPublic);
    secret.string(comment.getBytes(StandardCharsets.UTF_8));
    for (int pad = 1; secret.size() % BLOCK != 0; pad++) {
      secret.write(pad);
    }
    SshBytes file = new SshBytes();
    file.writeBytes(MAGIC);
    file.string("none".getBytes(StandardCharsets.US_ASCII));
    file.string("none".getBytes(StandardCharsets.US_ASCII));
    file.string(new byte[0]);
    file.uint32(1);
    file.string(publicBlob(pair));
    file.string(secret.toByteArray());
    Arrays.fill(secretAndPublic, (byte) 0);
    Arrays.fill(seed, (byte) 0);
    String base64 = Base64.getEncoder().encodeToString(file.toByteArray());
    StringBuilder pem = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    for (int i = 0; i < base64.length(); i += PEM_LINE) {
      pem.append(base64, i, Math.min(base64.length(), i + PEM_LINE)).append('\n');
    }
    return pem.append("-----END OPENSSH PRIVATE KEY-----\n").toString();
  }

  /** The 32 key bytes: the X.509 encoding of an Ed25519 key ends with them. */
  private static byte[] rawPublic(KeyPair pair) {
    byte[] encoded = pair.getPublic().getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - RAW_KEY_BYTES, encoded.length);
  }

  /** SSH wire encoding (RFC 4251): big-endian uint32 and length-prefixed strings. */
  private static final class SshBytes extends ByteArrayOutputStream {
    void uint32(int value) {
      writeBytes(ByteBuffer.allocate(4).putInt(value).array());
    }

    void string(byte[] value) {
      uint32(value.length);
      writeBytes(value);
    }
  }
}
