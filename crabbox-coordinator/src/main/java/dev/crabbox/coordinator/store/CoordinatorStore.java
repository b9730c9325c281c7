package dev.crabbox.coordinator.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the coordinator persists. Implementations never block the caller's event loop and
 * complete their futures on the caller's context. {@link H2Store} is the embedded default;
 * {@link PgStore} keeps the same state on a PostgreSQL server that several coordinators share.
 */
public interface CoordinatorStore {

  // Leases

  /** Fails with {@link DuplicateKeyException} when the id or slug is taken. */
  Future<Void> insertLease(LeaseRecord lease);

  /** The lease whose id or slug is {@code idOrSlug}. */
  Future<Optional<LeaseRecord>> findLease(String idOrSlug);

  /** Slugs equal to {@code baseSlug} or starting with {@code baseSlug + "-"}. */
  Future<Set<String>> slugsStartingWith(String baseSlug);

  /** Every lease, newest first (admins). */
  Future<List<LeaseRecord>> listLeases();

  /** Leases owned by {@code owner} or shared with that user or with {@code org}, newest first. */
  Future<List<LeaseRecord>> listLeasesVisibleTo(String owner, String org);

  /** Writes touch and expiry times of an active lease; false when it is no longer active. */
  Future<Boolean> touchLease(LeaseRecord touched);

  /**
   * Moves a lease from one state to another; false when it was not in {@code from}. Moving to an
   * ended state also marks the lease's cleanup pending.
   */
  Future<Boolean> transitionLease(String leaseId, LeaseState from, LeaseState to, Instant now);

  /**
   * Writes a provisioning lease's machine and makes it active with {@code active}'s times; false
   * when the lease was no longer provisioning (released meanwhile).
   */
  Future<Boolean> activateLease(LeaseRecord active);

  /** Writes an active lease's machine (it moved, e.g. after a restart); false when not active. */
  Future<Boolean> updateLeaseMachine(LeaseRecord lease);

  /** Ends a provisioning lease as failed with the reason; false when it was not provisioning. */
  Future<Boolean> failLease(String leaseId, String reason, Instant now);

  /** Leases in {@code state}, oldest first. */
  Future<List<LeaseRecord>> leasesInState(LeaseState state);

  /** Ended leases whose provider has not yet deleted the machine, oldest first. */
  Future<List<LeaseRecord>> leasesPendingCleanup();

  /**
   * Records whether the lease's provider still has to delete what it made for it (false once it
   * has; true again when a machine turned up after an earlier cleanup).
   */
  Future<Void> setLeaseCleanupPending(String leaseId, boolean pending);

  /** Active leases whose expiry is at or before {@code now}. */
  Future<List<LeaseRecord>> leasesDueForExpiry(Instant now);

  // Shares

  Future<LeaseShares> shares(String leaseId);

  /** Replaces all shares of a lease; org shares are bound to {@code leaseOrg}. */
  Future<Void> replaceShares(String leaseId, String leaseOrg, LeaseShares shares);

  // Egress sessions

  /** The lease's session record, current or ended. */
  Future<Optional<EgressSessionRecord>> egressSession(String leaseId);

  /**
   * Makes {@code sessionId} the lease's current session (fresh record, no profile, empty allow),
   * and kills every resume secret the lease had.
   */
  Future<EgressSessionRecord> startEgressSession(String leaseId, String sessionId, Instant now);

  /** Records the scope a host ticket carries, when {@code sessionId} is still current. */
  Future<Void> updateEgressScope(String leaseId, String sessionId, String profile,
      List<String> allow, Instant now);

  /** Ends the lease's current session and kills its resume secrets; false when none was current. */
  Future<Boolean> endEgressSession(String leaseId, Instant now);

  // Runs

  Future<Void> insertRun(RunRecord run);

  Future<Optional<RunRecord>> findRun(String runId);

  /** The lease's runs, newest first. */
  Future<List<RunRecord>> listRuns(String leaseId);

  /** Ends a running run; false when it was not running (already finished or unknown). */
  Future<Boolean> finishRun(String runId, RunState state, int exitCode, Instant endedAt);

  /** Appends events in order; false (nothing stored) when the run is not running. */
  Future<Boolean> appendRunEvents(String runId, List<RunEvent> events);

  /** The run's events in the order they were appended. */
  Future<List<RunEvent>> runEvents(String runId);

  /**
   * Appends text to the run's log and trims the log from the front to at most {@code limitBytes}
   * UTF-8 bytes (at a line boundary where possible); the bytes retained, or empty (nothing
   * stored) when the run is not running.
   */
  Future<Optional<Long>> appendRunLog(String runId, String text, long limitBytes);

  /** The retained log of the run (empty when none). */
  Future<String> runLog(String runId);

  /**
   * Stores a sample of a running run's lease, keeping the newest {@code keepPerLease} samples of
   * that lease; false (nothing stored) when the run is not running.
   */
  Future<Boolean> addTelemetry(TelemetrySample sample, int keepPerLease);

  /** Samples taken during the run, oldest first. */
  Future<List<TelemetrySample>> runTelemetry(String runId);

  /** Samples of the lease, oldest first. */
  Future<List<TelemetrySample>> leaseTelemetry(String leaseId);

  /** Stores (replaces) the run's JUnit summary. */
  Future<Void> putJunit(String runId, JunitSummary summary);

  Future<Optional<JunitSummary>> junit(String runId);

  // External runners

  /**
   * One runner sync of {@code owner} for {@code provider}, atomically: every runner in
   * {@code seen} is written for (provider, id) with this owner and org, {@code lastSeenAt = now}
   * and no stale mark ({@code firstSeenAt} is kept for known runners, {@code now} for new ones);
   * every other runner of that provider and owner that was not stale yet becomes stale
   * ({@code staleSince = now}). Nothing is deleted. The {@code owner}, {@code org},
   * {@code firstSeenAt}, {@code lastSeenAt} and stale fields of {@code seen} are ignored.
   */
  Future<RunnerSync> syncRunners(String provider, String owner, String org,
      List<RunnerRecord> seen, Instant now);

  Future<Optional<RunnerRecord>> findRunner(String provider, String runnerId);

  /**
   * Runners, most recently seen first; {@code provider} and {@code owner} filter when not null.
   */
  Future<List<RunnerRecord>> listRunners(String provider, String owner);

  // Credentials

  Future<Void> insertTicket(TicketRecord ticket);

  /**
   * Consumes a ticket in one atomic step: only an unconsumed, unexpired ticket of this role and
   * lease. A ticket of another role or lease is left untouched.
   */
  Future<Optional<TicketRecord>> consumeTicket(String hash, String leaseId, BridgeRole role,
      Instant now);

  Future<Void> insertResumeSecret(ResumeSecretRecord secret);

  /** Consumes a resume secret of this lease and role in one atomic step. */
  Future<Optional<ResumeSecretRecord>> consumeResumeSecret(String hash, String leaseId,
      BridgeRole role, Instant now);

  /** Deletes tickets that expired and resume secrets consumed before {@code before}. */
  Future<Integer> pruneCredentials(Instant before);

  Future<Void> close();
}
