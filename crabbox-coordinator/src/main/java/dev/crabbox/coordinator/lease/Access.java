package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseShares;
import dev.crabbox.coordinator.store.ShareAccess;

/**
 * What a caller may do with a lease. NONE is indistinguishable from a missing lease (404); USE
 * sees the lease and its status; MANAGE may also release it, mint egress tickets and change shares.
 */
public enum Access {
  NONE,
  USE,
  MANAGE;

  public boolean canSee() {
    return this != NONE;
  }

  public boolean canManage() {
    return this == MANAGE;
  }

  /** Owner or admin manage; otherwise the strongest of the user share and the org share. */
  public static Access of(Caller caller, LeaseRecord lease, LeaseShares shares) {
    if (caller.admin() || caller.owner().equals(lease.owner())) {
      return MANAGE;
    }
    Access best = from(shares.users().get(caller.owner()));
    if (shares.org() != null && !lease.org().isEmpty() && lease.org().equals(caller.org())) {
      Access org = from(shares.org());
      best = org.ordinal() > best.ordinal() ? org : best;
    }
    return best;
  }

  private static Access from(ShareAccess share) {
    if (share == null) {
      return NONE;
    }
    return share == ShareAccess.MANAGE ? MANAGE : USE;
  }
}
