package dev.crabbox.cli.egress;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.cli.error.CliException;

/**
 * A bridge gave up for good (fatal upgrade refusal, replaced session, lease ended). The exit code
 * is the agent's ({@link BridgeFailure#exitCode()}, 4).
 */
public final class BridgeFatalException extends CliException {
  public BridgeFatalException(String role, BridgeFailure failure) {
    super("egress " + role + ": " + failure.message(), failure.exitCode(), null);
  }
}
