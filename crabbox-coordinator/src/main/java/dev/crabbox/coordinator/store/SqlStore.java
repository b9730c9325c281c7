package dev.crabbox.coordinator.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A store over a Vert.x SQL client pool: every operation goes to the shared query classes, whose
 * portable SQL the store's {@link SqlDialect} adapts. Subclasses open the pool (and migrate the
 * schema) and close it.
 */
abstract class SqlStore implements CoordinatorStore {

  private final JdbcLeases leases;
  private final JdbcEgress egress;
  private final JdbcRuns runs;
  private final JdbcRunners runners;

  SqlStore(Pool pool, SqlDialect dialect) {
    this.leases = new JdbcLeases(pool, dialect);
    this.egress = new JdbcEgress(pool, dialect);
    this.runs = new JdbcRuns(pool, dialect);
    this.runners = new JdbcRunners(pool, dialect);
  }

  @Override
  public Future<Void> insertLease(LeaseRecord lease) {
    return leases.insert(lease);
  }

  @Override
  public Future<Optional<LeaseRecord>> findLease(String idOrSlug) {
    return leases.find(idOrSlug);
  }

  @Override
  public Future<Set<String>> slugsStartingWith(String baseSlug) {
    return leases.slugsStartingWith(baseSlug);
  }

  @Override
  public Future<List<LeaseRecord>> listLeases() {
    return leases.all();
  }

  @Override
  public Future<List<LeaseRecord>> listLeasesVisibleTo(String owner, String org) {
    return leases.visibleTo(owner, org);
  }

  @Override
  public Future<Boolean> touchLease(LeaseRecord touched) {
    return leases.touch(touched);
  }

  @Override
  public Future<Boolean> transitionLease(String leaseId, LeaseState from, LeaseState to, Instant now) {
    return leases.transition(leaseId, from, to, now);
  }

  @Override
  public Future<Boolean> activateLease(LeaseRecord active) {
    return leases.activate(active);
  }

  @Override
  public Future<Boolean> updateLeaseMachine(LeaseRecord lease) {
    return leases.updateMachine(lease);
  }

  @Override
  public Future<Boolean> failLease(String leaseId, String reason, Instant now) {
    return leases.fail(leaseId, reason, now);
  }

  @Override
  public Future<List<LeaseRecord>> leasesInState(LeaseState state) {
    return leases.inState(state);
  }

  @Override
  public Future<List<LeaseRecord>> leasesPendingCleanup() {
    return leases.pendingCleanup();
  }

  @Override
  public Future<Void> setLeaseCleanupPending(String leaseId, boolean pending) {
    return leases.setCleanupPending(leaseId, pending);
  }

  @Override
  public Future<List<LeaseRecord>> leasesDueForExpiry(Instant now) {
    return leases.dueForExpiry(now);
  }

  @Override
  public Future<LeaseShares> shares(String leaseId) {
    return leases.shares(leaseId);
  }

  @Override
  public Future<Void> replaceShares(String leaseId, String leaseOrg, LeaseShares shares) {
    return leases.replaceShares(leaseId, leaseOrg, shares);
  }

  @Override
  public Future<Optional<EgressSessionRecord>> egressSession(String leaseId) {
    return egress.session(leaseId);
  }

  @Override
  public Future<EgressSessionRecord> startEgressSession(String leaseId, String sessionId, Instant now) {
    return egress.startSession(leaseId, sessionId, now);
  }

  @Override
  public Future<Void> updateEgressScope(String leaseId, String sessionId, String profile,
      List<String> allow, Instant now) {
    return egress.updateScope(leaseId, sessionId, profile, allow, now);
  }

  @Override
  public Future<Boolean> endEgressSession(String leaseId, Instant now) {
    return egress.endSession(leaseId, now);
  }

  @Override
  public Future<Void> insertRun(RunRecord run) {
    return runs.insert(run);
  }

  @Override
  public Future<Optional<RunRecord>> findRun(String runId) {
    return runs.find(runId);
  }

  @Override
  public Future<List<RunRecord>> listRuns(String leaseId) {
    return runs.ofLease(leaseId);
  }

  @Override
  public Future<Boolean> finishRun(String runId, RunState state, int exitCode, Instant endedAt) {
    return runs.finish(runId, state, exitCode, endedAt);
  }

  @Override
  public Future<Boolean> appendRunEvents(String runId, List<RunEvent> events) {
    return runs.appendEvents(runId, events);
  }

  @Override
  public Future<List<RunEvent>> runEvents(String runId) {
    return runs.events(runId);
  }

  @Override
  public Future<Optional<Long>> appendRunLog(String runId, String text, long limitBytes) {
    return runs.appendLog(runId, text, limitBytes);
  }

  @Override
  public Future<String> runLog(String runId) {
    return runs.log(runId);
  }

  @Override
  public Future<Boolean> addTelemetry(TelemetrySample sample, int keepPerLease) {
    return runs.addTelemetry(sample, keepPerLease);
  }

  @Override
  public Future<List<TelemetrySample>> runTelemetry(String runId) {
    return runs.telemetryOfRun(runId);
  }

  @Override
  public Future<List<TelemetrySample>> leaseTelemetry(String leaseId) {
    return runs.telemetryOfLease(leaseId);
  }

  @Override
  public Future<Void> putJunit(String runId, JunitSummary summary) {
    return runs.putJunit(runId, summary);
  }

  @Override
  public Future<Optional<JunitSummary>> junit(String runId) {
    return runs.junit(runId);
  }

  @Override
  public Future<RunnerSync> syncRunners(String provider, String owner, String org,
      List<RunnerRecord> seen, Instant now) {
    return runners.sync(provider, owner, org, seen, now);
  }

  @Override
  public Future<Optional<RunnerRecord>> findRunner(String provider, String runnerId) {
    return runners.find(provider, runnerId);
  }

  @Override
  public Future<List<RunnerRecord>> listRunners(String provider, String owner) {
    return runners.list(provider, owner);
  }

  @Override
  public Future<Void> insertTicket(TicketRecord ticket) {
    return egress.insertTicket(ticket);
  }

  @Override
  public Future<Optional<TicketRecord>> consumeTicket(String hash, String leaseId, BridgeRole role,
      Instant now) {
    return egress.consumeTicket(hash, leaseId, role, now);
  }

  @Override
  public Future<Void> insertResumeSecret(ResumeSecretRecord secret) {
    return egress.insertResumeSecret(secret);
  }

  @Override
  public Future<Optional<ResumeSecretRecord>> consumeResumeSecret(String hash, String leaseId,
      BridgeRole role, Instant now) {
    return egress.consumeResumeSecret(hash, leaseId, role, now);
  }

  @Override
  public Future<Integer> pruneCredentials(Instant before) {
    return egress.prune(before);
  }
}
