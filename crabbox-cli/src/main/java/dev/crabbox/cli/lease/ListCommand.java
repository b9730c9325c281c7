package dev.crabbox.cli.lease;

import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.options.ApiAnswers;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.runner.ExternalRunners;
import dev.crabbox.cli.runner.TestboxListing;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crabbox list}: the leases the caller can see, with their capability matrix. */
@Command(name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = {"List the leases you can see on the coordinator: id, slug, state, provider, target, "
        + "the desktop/browser/code capabilities the lease was created with, and when it expires.",
        "With --provider, only that provider's leases are listed.",
        "With --provider blacksmith-testbox, the testboxes the Blacksmith CLI lists instead "
            + "(blacksmith.cli in the config file or $CRABBOX_BLACKSMITH_CLI, default `blacksmith` on PATH); "
            + "they are synced to the coordinator as external runners, which crabbox never stops."})
public final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  CoordinatorFlags coordinator;

  @Option(names = "--json", description = "Print the coordinator's lease objects (or the testbox runner "
      + "objects) as a JSON array.")
  boolean json;

  @Override
  public Integer call() {
    CoordinatorSession session = coordinator.session(spec);
    Optional<String> provider = session.target().provider().filter(p -> coordinator.providerFlagGiven());
    if (provider.filter(ExternalRunners.PROVIDER::equals).isPresent()) {
      return new TestboxListing(spec).run(session, json);
    }
    List<JsonObject> leases = session.call(client -> client.listLeases()).stream()
        .filter(lease -> provider.isEmpty() || provider.get().equals(lease.getString("provider")))
        .toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new JsonArray(new ArrayList<>(leases)).encodePrettily());
    } else if (leases.isEmpty()) {
      out.println("no " + provider.map(p -> p + " ").orElse("") + "leases on " + session.target().baseUri());
    } else {
      List<LeaseView> views = new ArrayList<>();
      for (JsonObject lease : leases) {
        views.add(ApiAnswers.read(lease, LeaseView::fromJson, "lease").await());
      }
      LeaseText.table(views, Instant.now()).forEach(out::println);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
