package dev.crabbox.coordinator.runner;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.RunnerRecord;
import dev.crabbox.coordinator.store.RunnerSync;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * External runner records on top of the store. Any caller syncs their own runners; admins see
 * every runner, a normal user only the runners they synced (owner). Anyone else gets 404
 * {@code runner_not_found}, so runner ids cannot be probed. Crabbox never stops, expires or
 * deletes a runner: rows a sync no longer reports only become stale.
 */
public final class RunnerService {

  private static final Logger LOG = LoggerFactory.getLogger(RunnerService.class);

  private final CoordinatorStore store;
  private final Clock clock;

  public RunnerService(CoordinatorStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public Future<RunnerSync> sync(Caller caller, RunnerRequests.Sync sync) {
    Instant now = now();
    List<RunnerRecord> seen = new ArrayList<>(sync.runners().size());
    sync.runners().forEach(r -> seen.add(r.toRecord(sync.provider(), caller.owner(),
        caller.org(), now)));
    return store.syncRunners(sync.provider(), caller.owner(), caller.org(), seen, now)
        .onSuccess(result -> LOG.info("runner sync of {} for {}: {} seen, {} became stale",
            sync.provider(), caller.owner(), result.synced(), result.stale()));
  }

  /** Runners the caller may see, most recently seen first; {@code provider} filters. */
  public Future<List<RunnerRecord>> list(Caller caller, String provider) {
    return store.listRunners(provider, caller.admin() ? null : caller.owner());
  }

  public Future<RunnerRecord> find(Caller caller, String provider, String runnerId) {
    return store.findRunner(provider, runnerId).compose(found -> found
        .filter(runner -> visible(caller, runner))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.runnerNotFound(provider, runnerId))));
  }

  static boolean visible(Caller caller, RunnerRecord runner) {
    return caller.admin() || caller.owner().equals(runner.owner());
  }
}
