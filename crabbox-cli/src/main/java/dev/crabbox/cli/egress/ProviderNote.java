package dev.crabbox.cli.egress;

import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorTarget;
import picocli.CommandLine.Model.CommandSpec;

/**
 * No provider provisions machines yet, so an explicit {@code --provider} changes nothing about
 * how the lease is found. Saying so on stderr keeps an operator from assuming otherwise.
 */
final class ProviderNote {
  private ProviderNote() {
  }

  static void print(CommandSpec spec, CoordinatorFlags flags, CoordinatorTarget target, String lease) {
    if (flags.providerFlagGiven() && target.provider().isPresent()) {
      spec.commandLine().getErr().println("crabbox: provider " + target.provider().get()
          + ": lease " + lease + " is resolved through the coordinator " + target.baseUri());
      spec.commandLine().getErr().flush();
    }
  }
}
