package dev.crabbox.cli.error;

import dev.crabbox.cli.ExitCodes;

/**
 * The coordinator could not be reached, or answered with an error that may go away on a later
 * try (5xx, 400, an unreadable answer). Exit 3.
 */
public final class CoordinatorUnavailableException extends CliException {
  public CoordinatorUnavailableException(String message, Throwable cause) {
    super(message, ExitCodes.COORDINATOR, cause);
  }
}
