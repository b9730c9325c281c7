package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.store.LeaseState;
import io.vertx.core.json.JsonObject;

/**
 * Event-bus notices about the lease lifecycle. {@link #ENDED} is published when a lease leaves
 * the active state ({@code {"leaseId":..., "state":"released"|"expired"}}); the egress sessions
 * tear down on it. {@link #ACCESS_CHANGED} is published when a lease's shares were replaced
 * ({@code {"leaseId":...}}); every node then closes the sockets whose caller lost access. Both
 * are published cluster-wide.
 */
public final class LeaseEvents {

  public static final String ENDED = "crabbox.lease.ended";
  public static final String ACCESS_CHANGED = "crabbox.lease.access-changed";

  private LeaseEvents() {}

  public static JsonObject ended(String leaseId, LeaseState state) {
    return new JsonObject().put("leaseId", leaseId).put("state", state.wire());
  }

  public static JsonObject accessChanged(String leaseId) {
    return new JsonObject().put("leaseId", leaseId);
  }
}
