package dev.crabbox.coordinator.provider.bootstrap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An Ed25519 SSH host key pair in the two text forms cloud-init takes: the public key as one
 * OpenSSH line and the private key as an unencrypted {@code openssh-key-v1} PEM block (what
 * {@code ssh-keygen -t ed25519 -N ""} writes). The JDK generates the key; the OpenSSH encoding is
 * done here because the JDK only speaks X.509 and PKCS#8.
 *
 * @param publicLine {@code ssh-ed25519 AAAA… comment}
 * @param privatePem {@code -----BEGIN OPENSSH PRIVATE KEY-----…}, ending with a newline
 */
public record HostKeyPair(String publicLine, String privatePem) {

  static final String KEY_TYPE = "ssh-ed25519";
  private static final int KEY_LENGTH = 32;
  private static final int PEM_LINE_LENGTH = 70;
  private static final int CIPHER_BLOCK_SIZE = 8;
  private static final byte[] AUTH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

  public HostKeyPair {
    Objects.requireNonNull(publicLine, "publicLine");
    Objects.requireNonNull(privatePem, "privatePem");
  }

  /** Keeps the private key out of logs and exception messages. */
  @Override
  public String toString() {
    return "HostKeyPair[" + publicLine + "]";
  }

  /**
   * A new Ed25519 key pair.
   *
   * @param random the source of the key and of the private block's check integer
   * @param comment the comment of both forms (e.g. the lease id)
   */
  public static HostKeyPair generate(SecureRandom random, String comment) {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate Ed25519 keys", e);
    }
    byte[] publicKey = rawPublicKey(pair.getPublic().getEncoded());
    byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
        .orElseThrow(() -> new IllegalStateException("the Ed25519 private key is not extractable"));
    byte[] publicBlob = publicBlob(publicKey);
    String publicLine = KEY_TYPE + " " + Base64.getEncoder().encodeToString(publicBlob) + " "
        + comment;
    String privatePem = pem(privateFile(publicBlob, publicKey, seed, comment, random.nextInt()));
    Arrays.fill(seed, (byte) 0);
    return new HostKeyPair(publicLine, privatePem);
  }

  /** The last 32 bytes of the X.509 SubjectPublicKeyInfo are the raw Ed25519 point. */
  private static byte[] rawPublicKey(byte[] x509) {
    return Arrays.copyOfRange(x509, x509.length - KEY_LENGTH, x509.length);
  }

  private static byte[] publicBlob(byte[] publicKey) {
    SshBuffer blob = new SshBuffer();
    blob.string(KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
    blob.string(publicKey);
    return blob.toByteArray();
  }

  /** PROTOCOL.key of OpenSSH: no cipher, no KDF, one key, padded private section. */
  private static byte[] privateFile(byte[] publicBlob, byte[] publicKey, byte[] seed,
      String comment, int checkInt) {
    SshBuffer section = new SshBuffer();
    section.uint32(checkInt);
    section.uint32(checkInt);
    section.string(KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
    section.string(publicKey);
    byte[] secret = new byte[2 * KEY_LENGTH];
    System.arraycopy(seed, 0, secret, 0, KEY_LENGTH);
    System.arraycopy(publicKey, 0, secret, KEY_LENGTH, KEY_LENGTH);
    section.string(secret);
    Arrays.fill(secret, (byte) 0);
    section.string(comment.getBytes(StandardCharsets.UTF_8));
    for (int pad = 1; section.size() % CIPHER_BLOCK_SIZE != 0; pad++) {
      section.raw(pad);
    }

    SshBuffer file = new SshBuffer();
    file.bytes(AUTH_MAGIC);
    file.string("none".getBytes(StandardCharsets.US_ASCII));
    file.string("none".getBytes(StandardCharsets.US_ASCII));
    file.string(new byte[0]);
    file.uint32(1);
    file.string(publicBlob);
    file.string(section.toByteArray());
    return file.toByteArray();
  }

  private static String pem(byte[] body) {
    String base64 = Base64.getEncoder().encodeToString(body);
    StringBuilder pem = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    for (int i = 0; i < base64.length(); i += PEM_LINE_LENGTH) {
      pem.append(base64, i, Math.min(base64.length(), i + PEM_LINE_LENGTH)).append('\n');
    }
    return pem.append("-----END OPENSSH PRIVATE KEY-----\n").toString();
  }

  /** The SSH wire encoding (RFC 4251): big-endian uint32 and length-prefixed strings. */
  private static final class SshBuffer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void uint32(int value) {
      out.write(value >>> 24);
      out.write(value >>> 16);
      out.write(value >>> 8);
      out.write(value);
    }

    void string(byte[] value) {
      uint32(value.length);
      bytes(value);
    }

    void bytes(byte[] value) {
      out.write(value, 0, value.length);
    }

    void raw(int value) {
      out.write(value);
    }

    int size() {
      return out.size();
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
