package dev.crabbox.coordinator.run;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.lease.LeaseService;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.JunitSummary;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.RunEvent;
import dev.crabbox.coordinator.store.RunRecord;
import dev.crabbox.coordinator.store.RunState;
import dev.crabbox.coordinator.store.TelemetrySample;
import dev.crabbox.protocol.id.Ids;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run records on top of the store. A run is reachable by whoever can see its lease (owner,
 * admin, use/manage share, org share) — reading and recording alike, since the agent that runs a
 * command needs only use access; anyone else gets 404 {@code run_not_found}.
 */
public final class RunService {

  private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
  /** Telemetry samples kept per lease; older ones are dropped. */
  public static final int TELEMETRY_PER_LEASE = 60;

  private final CoordinatorStore store;
  private final LeaseService leases;
  private final long logLimit;
  private final RandomGenerator random = new SecureRandom();

  public RunService(CoordinatorStore store, LeaseService leases, long logLimit) {
    this.store = store;
    this.leases = leases;
    this.logLimit = logLimit;
  }

  public Instant now() {
    return leases.now();
  }

  /** A new running run on an active lease the caller can see. */
  public Future<RunRecord> create(Caller caller, RunRequests.Create request) {
    return leases.find(caller, request.lease()).compose(visible -> {
      LeaseRecord lease = visible.lease();
      Instant now = now();
      if (!lease.activeAt(now)) {
        return Future.failedFuture(ApiException.leaseNotActive("lease " + lease.slug() + " is "
            + lease.stateAt(now).wire() + "; runs need an active lease"));
      }
      RunRecord run = new RunRecord(Ids.newRunId(random), lease.id(), lease.slug(),
          caller.owner(), caller.org(),
          request.provider() != null ? request.provider() : lease.provider(),
          request.command(), RunState.RUNNING, now, null, null);
      return store.insertRun(run).map(run);
    }).onSuccess(run -> LOG.info("run {} started on lease {} by {}", run.id(), run.leaseSlug(),
        run.owner()));
  }

  /** The run if the caller can see its lease; 404 {@code run_not_found} otherwise. */
  public Future<RunRecord> find(Caller caller, String runId) {
    if (!Ids.isRunId(runId)) {
      return Future.failedFuture(ApiException.runNotFound(runId));
    }
    return store.findRun(runId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiException.runNotFound(runId));
      }
      return leases.find(caller, found.get().leaseId())
          .map(visible -> found.get())
          .recover(failure -> Future.failedFuture(isLeaseNotFound(failure)
              ? ApiException.runNotFound(runId)
              : failure));
    });
  }

  private static boolean isLeaseNotFound(Throwable failure) {
    return failure instanceof ApiException api && "lease_not_found".equals(api.code());
  }

  private Future<RunRecord> findRunning(Caller caller, String runId) {
    return find(caller, runId).compose(run -> run.running()
        ? Future.succeededFuture(run)
        : Future.failedFuture(ApiException.runFinished(runId)));
  }

  /** The runs of a lease the caller can see, newest first. */
  public Future<List<RunRecord>> listForLease(Caller caller, String idOrSlug) {
    return leases.find(caller, idOrSlug).compose(visible -> store.listRuns(visible.lease().id()));
  }

  public Future<Integer> appendEvents(Caller caller, String runId, List<RunEvent> events) {
    return findRunning(caller, runId)
        .compose(run -> store.appendRunEvents(run.id(), events))
        .compose(stored -> stored
            ? Future.succeededFuture(events.size())
            : Future.failedFuture(ApiException.runFinished(runId)));
  }

  public Future<List<RunEvent>> events(Caller caller, String runId) {
    return find(caller, runId).compose(run -> store.runEvents(run.id()));
  }

  /** Appends to the retained log; the bytes retained afterwards. */
  public Future<Long> appendLog(Caller caller, String runId, String text) {
    return findRunning(caller, runId)
        .compose(run -> store.appendRunLog(run.id(), text, logLimit))
        .compose(kept -> kept.isPresent()
            ? Future.succeededFuture(kept.get())
            : Future.failedFuture(ApiException.runFinished(runId)));
  }

  public Future<String> log(Caller caller, String runId) {
    return find(caller, runId).compose(run -> store.runLog(run.id()));
  }

  public Future<TelemetrySample> addTelemetry(Caller caller, String runId,
      RunRequests.Telemetry sample) {
    return findRunning(caller, runId).compose(run -> {
      TelemetrySample stored = new TelemetrySample(run.leaseId(), run.id(), sample.at(),
          sample.load1(), sample.memoryPercent(), sample.diskPercent());
      return store.addTelemetry(stored, TELEMETRY_PER_LEASE).compose(added -> added
          ? Future.succeededFuture(stored)
          : Future.failedFuture(ApiException.runFinished(runId)));
    });
  }

  /** Attaches (replaces) the JUnit summary; allowed after the run finished, too. */
  public Future<JunitSummary> putJunit(Caller caller, String runId, JunitSummary summary) {
    return find(caller, runId).compose(run -> store.putJunit(run.id(), summary)).map(summary);
  }

  /** Ends a running run with its exit code; 409 {@code run_finished} when it ended already. */
  public Future<RunRecord> finish(Caller caller, String runId, int exitCode) {
    return findRunning(caller, runId).compose(run -> {
      RunState state = RunState.forExitCode(exitCode);
      Instant now = now();
      return store.finishRun(run.id(), state, exitCode, now).compose(finished -> finished
          ? Future.succeededFuture(new RunRecord(run.id(), run.leaseId(), run.leaseSlug(),
              run.owner(), run.org(), run.provider(), run.command(), state, run.startedAt(), now,
              exitCode))
          : Future.failedFuture(ApiException.runFinished(runId)));
    }).onSuccess(run -> LOG.info("run {} {} (exit {})", run.id(), run.state().wire(),
        run.exitCode()));
  }

  /** What {@code GET /v1/runs/{id}} shows besides the run. */
  public record Detail(RunRecord run, Optional<JunitSummary> junit, List<TelemetrySample> telemetry) {}

  public Future<Detail> detail(Caller caller, String runId) {
    return find(caller, runId).compose(run -> store.junit(run.id())
        .compose(junit -> store.runTelemetry(run.id())
            .map(samples -> new Detail(run, junit, samples))));
  }
}
