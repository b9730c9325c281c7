package dev.crabbox.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Reads and writes the CLI config file. The file holds a bearer token, so it is written
 * owner-only (0600, directory 0700) and replaced atomically: a crash never leaves a torn file
 * and the token is never readable by others, not even briefly.
 */
public final class CliConfigStore {
  private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build())
      .build();

  private final Path file;

  public CliConfigStore(Path file) {
    this.file = file;
  }

  /**
   * The config file location: {@code $XDG_CONFIG_HOME/crabbox/config.yaml} when that variable
   * names an absolute directory (as the XDG spec requires), else
   * {@code <home>/.config/crabbox/config.yaml}.
   */
  public static Path defaultFile(Map<String, String> environment, Path home) {
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg)
        : home.resolve(".config");
    return base.resolve("crabbox").resolve("config.yaml");
  }

  public Path file() {
    return file;
  }

  /** The saved config, or an empty one when the file does not exist yet. */
  public CliConfig load() {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        return CliConfig.empty();
      }
      CliConfig config = YAML.readValue(text, CliConfig.class);
      return config == null ? CliConfig.empty() : config;
    } catch (NoSuchFileException missing) {
      return CliConfig.empty();
    } catch (JsonProcessingException malformed) {
      throw new ConfigFileException("config file " + file + " is not valid: "
          + malformed.getOriginalMessage(), malformed);
    } catch (IOException e) {
      throw new ConfigFileException("cannot read config file " + file + ": " + e, e);
    }
  }

  /**
   * The saved config as the base of a rewrite: like {@link #load()}, but a file that cannot be
   * read or parsed counts as empty, since the rewrite replaces it anyway.
   */
  public CliConfig loadForUpdate() {
    try {
      return load();
    } catch (ConfigFileException unreadable) {
      return CliConfig.empty();
    }
  }

  /** Replaces the config file with {@code config}, owner read/write only. */
  public void save(CliConfig config) {
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory, ownerOnly("rwx------"));
      Path temporary = Files.createTempFile(directory, ".config-", ".yaml.tmp", ownerOnly("rw-------"));
      try {
        Files.writeString(temporary, YAML.writeValueAsString(config), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new ConfigFileException("cannot write config file " + file + ": " + e, e);
    }
  }

  /** Owner-only POSIX permissions (e.g. {@code rw-------}) for a new file, where supported. */
  public static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
  }
}
