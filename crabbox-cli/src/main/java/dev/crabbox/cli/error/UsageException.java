package dev.crabbox.cli.error;

import dev.crabbox.cli.ExitCodes;

/**
 * The command line or a configured value is wrong (exit 2). Thrown before any network call, so
 * the operator can fix the invocation and try again without side effects.
 */
public class UsageException extends CliException {
  public UsageException(String message) {
    super(message, ExitCodes.USAGE, null);
  }

  public UsageException(String message, Throwable cause) {
    super(message, ExitCodes.USAGE, cause);
  }
}
