package dev.crabbox.cli.runner;

import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.error.CliException;
import dev.crabbox.cli.error.UsageException;

/**
 * The Blacksmith CLI ran but failed: it exited non-zero, did not finish in time, or printed
 * something that is not {@code blacksmith testbox list} output. Nothing was synced. Exit 1: the
 * failure is in the environment outside crabbox, and retrying may or may not help. (A CLI that
 * cannot be found or started is a {@link UsageException} instead: the configuration is wrong.)
 */
public final class BlacksmithCliException extends CliException {
  public BlacksmithCliException(String message) {
    super(message, ExitCodes.UNEXPECTED, null);
  }

  public BlacksmithCliException(String message, Throwable cause) {
    super(message, ExitCodes.UNEXPECTED, cause);
  }
}
