package dev.crabbox.agent.host;

/** The host agent was configured without an allowlist; it refuses to run as an open proxy. */
public final class OpenProxyRefusedException extends IllegalStateException {

  /** The exact text the CLI prints (spec 000, Troubleshooting). */
  public static final String MESSAGE =
      "egress host requires --profile or --allow; refusing to start an open proxy";

  public OpenProxyRefusedException() {
    super(MESSAGE);
  }
}
