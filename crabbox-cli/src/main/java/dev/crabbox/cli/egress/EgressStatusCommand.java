package dev.crabbox.cli.egress;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.error.CoordinatorUnavailableException;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorTarget;
import dev.crabbox.cli.runtime.VertxRuntime;
import dev.crabbox.protocol.api.EgressStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crabbox egress status}: prints the coordinator's view of a lease's egress session. */
@Command(name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Show coordinator bridge status")
public final class EgressStatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  LeaseSelector lease;

  @Mixin
  CoordinatorFlags coordinator;

  @Override
  public Integer call() {
    String leaseRef = lease.lease();
    CliEnvironment environment = CliEnvironment.of(spec);
    CliSettings settings = environment.settings();
    CoordinatorTarget target = coordinator.resolve(settings);
    String token = settings.requireToken(null);
    ProviderNote.print(spec, coordinator, target, leaseRef);
    EgressStatus status = VertxRuntime.call(vertx -> {
      CoordinatorClient client = new CoordinatorClient(vertx, target.baseUri(), token, target.tls());
      return client.egressStatus(leaseRef).compose(EgressStatusCommand::parse)
          .eventually(client::close);
    });
    spec.commandLine().getOut().println(StatusLine.format(status));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static Future<EgressStatus> parse(JsonObject json) {
    try {
      return Future.succeededFuture(EgressStatus.fromJson(json.getMap()));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new CoordinatorUnavailableException(
          "the coordinator answered an unreadable egress status: " + e.getMessage(), e));
    }
  }
}
