package dev.crabbox.cli.error;

import dev.crabbox.cli.ExitCodes;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where a command's failure becomes an exit code: known failures print their
 * message as one line on stderr; anything else is reported as unexpected (exit 1), with the
 * stack trace in the debug log ({@code --verbose}).
 */
public final class ExecutionErrorHandler implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionErrorHandler.class);

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    CliException failure = FailureClassifier.classify(ex);
    int exitCode;
    if (failure != null) {
      LOG.debug("command failed", ex);
      err.println("crabbox: " + failure.getMessage());
      exitCode = failure.exitCode();
    } else {
      LOG.debug("unexpected failure", ex);
      err.println("crabbox: unexpected error: " + ex
          + " (run with --verbose for the stack trace)");
      exitCode = ExitCodes.UNEXPECTED;
    }
    err.flush();
    return exitCode;
  }
}
