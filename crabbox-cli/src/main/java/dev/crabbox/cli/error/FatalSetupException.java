package dev.crabbox.cli.error;

import dev.crabbox.cli.ExitCodes;

/**
 * A refusal that retrying cannot fix: the coordinator said 401/403/404/409/410, the bridge was
 * replaced (1012) or the lease ended (1008), or a server could not be set up. Exit 4.
 */
public final class FatalSetupException extends CliException {
  public FatalSetupException(String message) {
    super(message, ExitCodes.FATAL, null);
  }

  public FatalSetupException(String message, Throwable cause) {
    super(message, ExitCodes.FATAL, cause);
  }
}
