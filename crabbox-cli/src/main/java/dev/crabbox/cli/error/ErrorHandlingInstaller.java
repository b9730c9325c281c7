package dev.crabbox.cli.error;

import picocli.CommandLine;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Installs the crabbox error handlers on the root {@link CommandLine} as picocli builds it, so
 * that {@code new CommandLine(new Main())} — in {@code Main.main} and in tests alike — maps
 * failures to the same exit codes and one-line messages without further setup.
 */
public final class ErrorHandlingInstaller implements IModelTransformer {
  @Override
  public CommandSpec transform(CommandSpec spec) {
    CommandLine commandLine = spec.commandLine();
    if (commandLine != null) {
      commandLine.setParameterExceptionHandler(new ParameterErrorHandler());
      commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler());
    }
    return spec;
  }
}
