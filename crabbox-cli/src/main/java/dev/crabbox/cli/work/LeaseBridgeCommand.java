package dev.crabbox.cli.work;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code crabbox webvnc} and {@code crabbox code} share: {@code --id <lease> [--open]}, then
 * the lease bridge agent of their kind started over SSH and the portal page printed.
 */
abstract class LeaseBridgeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseRef lease;

  @Mixin
  CoordinatorFlags coordinator;

  @Option(names = "--open", description = "Also open the URL in a browser.")
  boolean open;

  private final LeaseBridgeKind kind;
  private final String name;

  LeaseBridgeCommand(LeaseBridgeKind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  @Override
  public Integer call() throws Exception {
    OperatorKey key = OperatorKey.resolve(CliEnvironment.of(spec).settings());
    return LeaseBridgeLaunch.of(kind, name).run(coordinator.session(spec), key, lease.lease(), open,
        spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
