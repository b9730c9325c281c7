package dev.crabbox.cli.error;

/**
 * A failure the operator can act on: its message is printed as one line on stderr (prefixed
 * {@code crabbox: }) and the process exits with {@link #exitCode()}. No stack trace is shown.
 */
public abstract class CliException extends RuntimeException {
  private final int exitCode;

  protected CliException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code, one of {@link dev.crabbox.cli.ExitCodes}. */
  public int exitCode() {
    return exitCode;
  }
}
