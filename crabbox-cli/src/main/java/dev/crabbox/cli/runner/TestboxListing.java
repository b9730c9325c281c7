package dev.crabbox.cli.runner;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.runtime.VertxRuntime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code crabbox list --provider blacksmith-testbox}: runs the Blacksmith CLI's list command,
 * shows the testboxes it lists (a table, or with {@code --json} the runner objects) and syncs them
 * to the coordinator, which marks the caller's testboxes it no longer sees as stale. When the
 * Blacksmith CLI fails, nothing is synced, so a broken CLI never makes every testbox look stale.
 */
public final class TestboxListing {
  /** The coordinator takes at most this many runners per sync ({@code RunnerRequests}). */
  public static final int MAX_RUNNERS_PER_SYNC = 200;

  private final CommandSpec spec;

  public TestboxListing(CommandSpec spec) {
    this.spec = spec;
  }

  /** Lists and syncs; returns the exit code. Failures are thrown for the error handler. */
  public int run(CoordinatorSession session, boolean json) {
    CliEnvironment environment = CliEnvironment.of(spec);
    BlacksmithCli cli = BlacksmithCli.configured(environment.settings(), environment.variables());
    Listed listed = VertxRuntime.call(vertx -> vertx.executeBlocking(cli::listTestboxes)
        .compose(testboxes -> {
          List<JsonObject> runners = testboxes.stream()
              .map(testbox -> ExternalRunners.runner(testbox, cli.org()))
              .toList();
          List<JsonObject> synced = runners.subList(0, Math.min(runners.size(), MAX_RUNNERS_PER_SYNC));
          return new RunnerSyncClient(vertx, session.target(), session.token())
              .sync(ExternalRunners.PROVIDER, synced)
              .map(answer -> new Listed(testboxes, runners, answer));
        }));
    print(listed, json, cli, session);
    return ExitCodes.OK;
  }

  private record Listed(List<Testbox> testboxes, List<JsonObject> runners, RunnerSyncClient.Synced synced) {
  }

  private void print(Listed listed, boolean json, BlacksmithCli cli, CoordinatorSession session) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonArray array = new JsonArray();
      listed.runners().forEach(r -> array.add(new JsonObject().put("provider", ExternalRunners.PROVIDER)
          .mergeIn(r)));
      out.println(array.encodePrettily());
    } else if (listed.testboxes().isEmpty()) {
      out.println("no testboxes listed by `" + cli.command() + "`");
    } else {
      TestboxTable.render(listed.testboxes()).forEach(out::println);
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    int total = listed.runners().size();
    if (total > MAX_RUNNERS_PER_SYNC) {
      err.println("crabbox: warning: `" + cli.command() + "` listed " + total + " testboxes, but the "
          + "coordinator takes at most " + MAX_RUNNERS_PER_SYNC + " per sync: only the first "
          + MAX_RUNNERS_PER_SYNC + " were synced; the other " + (total - MAX_RUNNERS_PER_SYNC)
          + " are not recorded and show as stale if they were synced before");
    }
    err.println("synced " + listed.synced().synced() + " testbox" + plural(listed.synced().synced())
        + " to " + session.target().baseUri() + staleNote(listed.synced().stale()));
    err.flush();
  }

  private static String staleNote(int stale) {
    return stale == 0 ? "" : "; " + stale + " no longer listed became stale";
  }

  private static String plural(int count) {
    return count == 1 ? "" : "es";
  }
}
