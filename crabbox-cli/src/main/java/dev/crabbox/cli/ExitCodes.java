package dev.crabbox.cli;

/**
 * The process exit codes of every crabbox command. Scripts and the lease helper depend on them,
 * so they are stable.
 */
public final class ExitCodes {
  /** The command did what it was asked. */
  public static final int OK = 0;
  /** A bug or an environment failure nobody anticipated; the message names the exception. */
  public static final int UNEXPECTED = 1;
  /** The command line, the config or a value in it is wrong; nothing was sent anywhere. */
  public static final int USAGE = 2;
  /** The coordinator could not be reached or answered with an error that may pass (5xx, 400). */
  public static final int COORDINATOR = 3;
  /** A refusal that retrying cannot fix: 401/403/404/409/410, bridge closed 1012 or 1008. */
  public static final int FATAL = 4;

  private ExitCodes() {
  }
}
