package dev.crabbox.cli.error;

import dev.crabbox.cli.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Prints a command-line parsing error as one line on stderr, naming the help command to run,
 * and exits 2. The full usage text is not dumped: it would bury the one line that matters.
 */
public final class ParameterErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("crabbox: " + ex.getMessage()
        + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }
}
