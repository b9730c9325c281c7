package dev.crabbox.cli.ssh;

import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.error.CliException;

/**
 * The lease's SSH server presented a host key other than the one the lease record pins. Never
 * retried and never overridden: either the lease record is stale or something sits in between.
 */
public final class HostKeyMismatchException extends CliException {
  public HostKeyMismatchException(String endpoint, String pinned, String presented) {
    super("host key mismatch for " + endpoint + ": the lease pins " + pinned + " but the server presented "
        + presented + "; refusing to connect (the lease record is stale or the connection is intercepted)", ExitCodes.FATAL, null);
  }
}
