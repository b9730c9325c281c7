package dev.crabbox.cli.lease;

import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.egress.LeaseOnCoordinator;
import dev.crabbox.cli.options.ApiAnswers;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crabbox status}: one lease's fields and capability matrix. */
@Command(name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Show one lease (by id or slug): its state, owner, provider, target, times and the "
        + "desktop/browser/code capabilities it was created with.")
public final class StatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  LeaseOnCoordinator target;

  @Option(names = "--json", description = "Print the coordinator's lease object as JSON.")
  boolean json;

  @Override
  public Integer call() {
    LeaseOnCoordinator.Resolved lease = target.resolve();
    JsonObject answer = lease.session().call(client -> client.getLease(lease.lease()));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(answer.encodePrettily());
    } else {
      LeaseView view = ApiAnswers.read(answer, LeaseView::fromJson, "lease").await();
      LeaseText.detail(view, Instant.now()).forEach(out::println);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
