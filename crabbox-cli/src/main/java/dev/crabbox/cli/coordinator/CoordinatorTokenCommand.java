package dev.crabbox.cli.coordinator;

import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.Role;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox coordinator token}: mints a bearer token with the coordinator's signing key,
 * offline (the key file is read directly; the coordinator may be running or not). The bare token
 * goes to stdout so it can be captured: {@code TOKEN=$(crabbox coordinator token ...)}.
 */
@Command(name = "token",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Mint a bearer token with the coordinator's signing key and print it.")
public final class CoordinatorTokenCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DataDirOption data;

  @Option(names = "--owner", required = true, paramLabel = "<owner>",
      description = "Who the token identifies (the lease owner).")
  String owner;

  @Option(names = "--org", paramLabel = "<org>", defaultValue = "",
      description = "The owner's organisation (leases are shared within it). Default: none.")
  String org;

  @Option(names = "--role", paramLabel = "<role>", defaultValue = "user",
      description = "user (own and shared leases) or admin (all leases). Default: ${DEFAULT-VALUE}.")
  String role;

  @Override
  public Integer call() {
    if (owner.isBlank()) {
      throw new UsageException("--owner must not be empty");
    }
    Role parsedRole = parseRole(role);
    CoordinatorKeys keys = KeysLoader.load(data.dataDir(), spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    out.println(keys.mintToken(owner.trim(), org.trim(), parsedRole));
    out.flush();
    return ExitCodes.OK;
  }

  private static Role parseRole(String text) {
    try {
      return Role.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--role must be user or admin, got \"" + text + "\"");
    }
  }
}
