package dev.crabbox.cli.lease;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.egress.LeaseOnCoordinator;
import dev.crabbox.cli.options.ApiAnswers;
import dev.crabbox.cli.runner.ExternalRunnerIds;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox stop}: releases a lease. The coordinator answers a release of an ended lease with
 * the lease unchanged, so the command reads the lease first and says when it had already ended.
 */
@Command(name = "stop",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Stop (release) a lease by id or slug; its egress sessions end with it. "
        + "Stopping a lease that has already ended changes nothing and exits 0.")
public final class StopCommand implements Callable<Integer> {
  private static final String ACTIVE = "active";

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseOnCoordinator target;

  @Override
  public Integer call() {
    LeaseOnCoordinator.Resolved lease = target.resolve();
    ExternalRunnerIds.refuseStop(lease.lease());
    String outcome = lease.session().call(client -> read(client.getLease(lease.lease()))
        .compose(found -> ACTIVE.equals(found.state())
            ? release(client, found)
            : Future.succeededFuture(already(found))));
    PrintWriter out = spec.commandLine().getOut();
    out.println(outcome);
    out.flush();
    return ExitCodes.OK;
  }

  private static Future<String> release(CoordinatorClient client, LeaseView found) {
    return read(client.releaseLease(found.id())).map(ended -> "released".equals(ended.state())
        ? "stopped " + ended.id() + " (" + ended.slug() + ")"
        : already(ended));
  }

  private static Future<LeaseView> read(Future<JsonObject> answer) {
    return answer.compose(json -> ApiAnswers.read(json, LeaseView::fromJson, "lease"));
  }

  private static String already(LeaseView lease) {
    return "lease " + lease.id() + " (" + lease.slug() + ") was already " + lease.state()
        + "; nothing to stop";
  }
}
