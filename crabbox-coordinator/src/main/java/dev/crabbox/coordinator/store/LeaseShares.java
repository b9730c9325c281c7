package dev.crabbox.coordinator.store;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who a lease is shared with besides its owner: named users, and optionally every member of the
 * lease's org. Absent org access is {@code null}.
 */
public record LeaseShares(Map<String, ShareAccess> users, ShareAccess org) {

  public static final LeaseShares NONE = new LeaseShares(Map.of(), null);

  public LeaseShares {
    users = users == null ? Map.of() : Map.copyOf(users);
  }

  /** Users sorted by name, for stable output. */
  public Map<String, ShareAccess> sortedUsers() {
    return new TreeMap<>(users);
  }

  public Optional<ShareAccess> orgAccess() {
    return Optional.ofNullable(org);
  }
}
