package dev.crabbox.cli.ssh;

import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.error.CliException;

/** The lease's SSH server could not be reached or refused the operator key (exit 4). */
public final class SshUnavailableException extends CliException {
  public SshUnavailableException(String message, Throwable cause) {
    super(message, ExitCodes.FATAL, cause);
  }
}
