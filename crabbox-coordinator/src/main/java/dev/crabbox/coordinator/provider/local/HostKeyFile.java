package dev.crabbox.coordinator.provider.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Collection;
import java.util.Set;
import org.apache.sshd.common.config.keys.loader.openssh.OpenSSHKeyPairResourceParser;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * The local provider's SSH host key: one ECDSA P-256 key pair in an OpenSSH private key file
 * (readable by {@code ssh-keygen -l -f}), created owner-only on first use and then reused, so the
 * fingerprint leases pin stays the same across coordinator restarts.
 *
 * <p>ECDSA rather than Ed25519 because MINA verifies Ed25519 only with an extra crypto provider on
 * the class path, and the host key must work in every coordinator.
 */
final class HostKeyFile {

  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private HostKeyFile() {}

  /** Reads the key pair at {@code file}, creating it first when there is none. Blocking. */
  static KeyPair loadOrCreate(Path file) throws IOException {
    try {
      if (!Files.exists(file)) {
        createOnce(file);
      }
      Collection<KeyPair> pairs = OpenSSHKeyPairResourceParser.INSTANCE.loadKeyPairs(null, file, null);
      if (pairs.size() != 1) {
        throw new IOException("expected one key pair in " + file + ", found " + pairs.size());
      }
      return pairs.iterator().next();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the SSH host key " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a new key under a temporary name and links it into place, which fails instead of
   * replacing a key another process wrote meanwhile (that one then wins).
   */
  private static void createOnce(Path file) throws IOException, GeneralSecurityException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, posix ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(OWNER_DIR)} : new FileAttribute<?>[0]);
    }
    Path temp = posix
        ? Files.createTempFile(dir, ".host_key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
        : Files.createTempFile(dir, ".host_key", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(generate(), "crabbox local provider",
            null, out);
      }
      try {
        Files.createLink(file, temp);
      } catch (UnsupportedOperationException e) {
        Files.move(temp, file);
      }
    } catch (FileAlreadyExistsException e) {
      // Another coordinator process created it first; use theirs.
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static KeyPair generate() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }
}
