package dev.crabbox.coordinator.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Secret files in the data directory: created owner-only (0600, directory 0700) and never
 * overwritten, so two coordinators or CLI runs starting at once agree on one key.
 */
final class KeyFiles {

  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private KeyFiles() {}

  static void ensureDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir);
    restrict(dir, OWNER_DIR);
  }

  /** The trimmed content of a file, or empty when it does not exist. */
  static Optional<String> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
  }

  /**
   * Writes {@code content} to {@code file} unless it already exists. Returns the content that is
   * in the file afterwards: ours, or the one another process won the race with. The file appears
   * complete or not at all: it is written under a temporary name and then hard-linked into place,
   * which fails instead of replacing an existing file.
   */
  static String createOnce(Path file, String content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      restrict(temp, OWNER_FILE);
      Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
      try {
        Files.createLink(file, temp);
      } catch (UnsupportedOperationException e) {
        Files.move(temp, file);
      }
      return content;
    } catch (FileAlreadyExistsException e) {
      return read(file).orElseThrow(() -> e);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    // On a file system without POSIX permissions (Windows) the profile directory's ACLs apply.
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }
}
