package dev.crabbox.cli.ssh;

import dev.crabbox.cli.config.CliConfigStore;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.config.Setting;
import dev.crabbox.cli.error.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * The operator's SSH key for leases: the private key file SSHJ authenticates with and its public
 * line, which {@code warmup} sends as {@code sshPublicKey} so the lease authorizes it.
 *
 * <p>The key is {@code sshKey} from the settings ({@code CRABBOX_SSH_KEY} or the config file) when
 * set, and must then exist; else {@code ssh/id_ed25519} in the crabbox config directory, generated
 * (Ed25519, owner-only) the first time it is needed.
 *
 * @param privateKey the private key file
 * @param publicLine {@code ssh-ed25519 AAAA… crabbox}
 */
public record OperatorKey(Path privateKey, String publicLine) {
  /** The comment of a generated key's public line. */
  static final String COMMENT = "crabbox";

  /** The configured key, or the default one (created when missing). */
  public static OperatorKey resolve(CliSettings settings) {
    Setting configured = settings.sshKey(null);
    if (configured.isPresent()) {
      Path path = Path.of(configured.value()).toAbsolutePath();
      if (!Files.isReadable(path)) {
        throw new UsageException("SSH key " + path + " (from " + configured.source()
            + ") does not exist or is not readable");
      }
      return load(path);
    }
    return loadOrCreate(defaultFile(settings));
  }

  /** {@code <config dir>/ssh/id_ed25519}. */
  public static Path defaultFile(CliSettings settings) {
    return settings.store().file().toAbsolutePath().getParent().resolve("ssh").resolve("id_ed25519");
  }

  /** The key at {@code file}, generating an Ed25519 key (and {@code file.pub}) when absent. */
  public static OperatorKey loadOrCreate(Path file) {
    if (!Files.exists(file)) {
      create(file);
    }
    return load(file);
  }

  /** Reads a private key file in any format SSHJ knows; the public line is derived from it. */
  public static OperatorKey load(Path file) {
    try (SSHClient reader = new SSHClient()) {
      KeyProvider keys = reader.loadKeys(file.toString());
      PublicKey publicKey = keys.getPublic();
      byte[] blob = new Buffer.PlainBuffer().putPublicKey(publicKey).getCompactData();
      String line = KeyType.fromKey(publicKey) + " " + Base64.getEncoder().encodeToString(blob)
          + " " + COMMENT;
      return new OperatorKey(file, line);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("cannot read SSH key " + file + ": " + e.getMessage()
          + " (an unencrypted OpenSSH private key is needed)", e);
    }
  }

  /**
   * Writes a new key through a temporary file moved into place without replacing: when two
   * crabbox processes race, one key wins and the other process reads it.
   */
  private static void create(Path file) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory, CliConfigStore.ownerOnly("rwx------"));
      Path temporary = Files.createTempFile(directory, ".id_ed25519-", ".tmp", CliConfigStore.ownerOnly("rw-------"));
      try {
        Files.writeString(temporary, OpenSshEd25519.privateKeyFile(pair, COMMENT, new SecureRandom()),
            StandardCharsets.US_ASCII);
        publish(temporary, file);
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub"),
            OpenSshEd25519.publicLine(pair, COMMENT) + "\n", StandardCharsets.US_ASCII);
      } catch (FileAlreadyExistsException raced) {
        // Another process created the key first; use that one.
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new UsageException("cannot create the SSH key " + file + ": " + e.getMessage(), e);
    }
  }

  /** A hard link never replaces an existing file, unlike a rename on POSIX. */
  private static void publish(Path temporary, Path file) throws IOException {
    try {
      Files.createLink(file, temporary);
    } catch (UnsupportedOperationException noLinks) {
      Files.move(temporary, file);
    }
  }
}
