package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseShares;

/** A lease the caller can see, with the access they have and its shares. */
public record VisibleLease(LeaseRecord lease, LeaseShares shares, Access access) {

  /** This lease if the caller may manage it; 403 {@code forbidden} otherwise. */
  public VisibleLease requireManage() {
    if (!access.canManage()) {
      throw ApiException.forbidden("lease " + lease.slug() + " is shared with you for use only; "
          + "managing it needs manage access");
    }
    return this;
  }
}
