package dev.crabbox.coordinator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored lease. {@code expiresAt} is always {@code min(touchedAt + idleTimeout, createdAt +
 * ttl)}; {@link #withTouch} keeps it so.
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
    Instant expiresAt) {

  public LeaseRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(state, "state");
    org = org == null ? "" : org;
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
        ttl, idleTimeout, createdAt, now, now, expiry(createdAt, now, ttl, idleTimeout));
  }

  public LeaseRecord withState(LeaseState newState, Instant now) {
    return new LeaseRecord(id, slug, owner, org, provider, target, newState, desktop, browser,
        code, ttl, idleTimeout, createdAt, now, touchedAt, expiresAt);
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
