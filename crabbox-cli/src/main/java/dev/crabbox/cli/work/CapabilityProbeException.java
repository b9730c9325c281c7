package dev.crabbox.cli.work;

import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.error.CliException;

/** A capability probe on a static/local host found nothing; the run does not start (exit 4). */
public final class CapabilityProbeException extends CliException {
  public CapabilityProbeException(String message) {
    super(message, ExitCodes.FATAL, null);
  }
}
