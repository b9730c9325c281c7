package dev.crabbox.cli.config;

import dev.crabbox.cli.error.UsageException;

/** The config file exists but cannot be read or parsed, or cannot be written. */
public final class ConfigFileException extends UsageException {
  public ConfigFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
