package dev.crabbox.coordinator.store;

import dev.crabbox.protocol.api.LeaseMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored lease. {@code expiresAt} is always {@code min(touchedAt + idleTimeout, createdAt +
 * ttl)}; {@link #withTouch} keeps it so.
 *
 * @param machine where the lease lives; null until the provider has a machine (and for manual)
 * @param providerRef the provider's id for the machine (server or instance id); null until known
 * @param failure why provisioning failed, for a failed lease; null otherwise
 * @param cleanupPending the lease has ended and its provider has not yet deleted the machine
 * @param inputs what the provider needs again after a restart (never shown in the API)
 */
public record LeaseRecord(
    String id,
    String slug,
    String owner,
    String org,
    String provider,
    String target,
    LeaseState state,
    boolean desktop,
    boolean browser,
    boolean code,
    Duration ttl,
    Duration idleTimeout,
    Instant createdAt,
    Instant updatedAt,
    Instant touchedAt,
    Instant expiresAt,
    LeaseMachine machine,
    String providerRef,
    String failure,
    boolean cleanupPending,
    LeaseInputs inputs) {

  public LeaseRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(state, "state");
    org = org == null ? "" : org;
    inputs = inputs == null ? LeaseInputs.NONE : inputs;
  }

  /** A lease without machine, provider state or inputs (manual leases, tests). */
  public LeaseRecord(String id, String slug, String owner, String org, String provider,
      String target, LeaseState state, boolean desktop, boolean browser, boolean code,
      Duration ttl, Duration idleTimeout, Instant createdAt, Instant updatedAt, Instant touchedAt,
      Instant expiresAt) {
    this(id, slug, owner, org, provider, target, state, desktop, browser, code, ttl, idleTimeout,
        createdAt, updatedAt, touchedAt, expiresAt, null, null, null, false, LeaseInputs.NONE);
  }

  /** The expiry rule: idle timeout after the last touch, capped by the TTL from creation. */
  public static Instant expiry(Instant createdAt, Instant touchedAt, Duration ttl, Duration idleTimeout) {
    Instant idleEnd = touchedAt.plus(idleTimeout);
    Instant ttlEnd = createdAt.plus(ttl);
    return idleEnd.isBefore(ttlEnd) ? idleEnd : ttlEnd;
  }

  /** The record after a touch (heartbeat) at {@code now}. */
  public LeaseRecord withTouch(Instant now) {
    return new LeaseRecord(id, slug, owner, org, provider, target, state, desktop, browser, code,
        ttl, idleTimeout, createdAt, now, now, expiry(createdAt, now, ttl, idleTimeout), machine,
        providerRef, failure, cleanupPending, inputs);
  }

  public LeaseRecord withState(LeaseState newState, Instant now) {
    return new LeaseRecord(id, slug, owner, org, provider, target, newState, desktop, browser,
        code, ttl, idleTimeout, createdAt, now, touchedAt, expiresAt, machine, providerRef, failure,
        cleanupPending || newState.ended(), inputs);
  }

  /** The active record once the provider has a machine: idle time counts from now. */
  public LeaseRecord activated(String ref, LeaseMachine newMachine, Instant now) {
    return new LeaseRecord(id, slug, owner, org, provider, target, LeaseState.ACTIVE, desktop,
        browser, code, ttl, idleTimeout, createdAt, now, now,
        expiry(createdAt, now, ttl, idleTimeout), newMachine, ref, null, false, inputs);
  }

  public LeaseRecord withInputs(LeaseInputs newInputs) {
    return new LeaseRecord(id, slug, owner, org, provider, target, state, desktop, browser, code,
        ttl, idleTimeout, createdAt, updatedAt, touchedAt, expiresAt, machine, providerRef,
        failure, cleanupPending, newInputs);
  }

  /**
   * The state as of {@code now}: an active lease past its expiry is expired even before the
   * sweeper has written that down.
   */
  public LeaseState stateAt(Instant now) {
    return state == LeaseState.ACTIVE && !now.isBefore(expiresAt) ? LeaseState.EXPIRED : state;
  }

  public boolean activeAt(Instant now) {
    return stateAt(now) == LeaseState.ACTIVE;
  }
}
