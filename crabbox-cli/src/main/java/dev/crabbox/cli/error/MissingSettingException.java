package dev.crabbox.cli.error;

/**
 * A setting the command needs (coordinator URL, token) is neither on the command line, in the
 * environment nor in the config file. The message says how to provide it.
 */
public final class MissingSettingException extends UsageException {
  public MissingSettingException(String message) {
    super(message);
  }
}
