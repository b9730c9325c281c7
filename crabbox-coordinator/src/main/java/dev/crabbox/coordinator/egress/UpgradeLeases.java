package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.LeaseRecord;
import io.vertx.core.Future;

/**
 * The first checks of every bridge upgrade (egress host/client, lease bridge agents), in the
 * order their answers promise: 404 for a lease that does not exist, then 401 when the upgrade
 * presents neither a ticket nor a resume secret.
 */
public final class UpgradeLeases {

  private UpgradeLeases() {}

  /**
   * The lease {@code idOrSlug} names, once {@code credentials} carry something to check.
   *
   * @param missing the 401 message when they carry nothing ("an egress ticket or resume secret is
   *     required")
   */
  public static Future<LeaseRecord> find(CoordinatorStore store, String idOrSlug,
      BridgeCredentials credentials, String missing) {
    return store.findLease(idOrSlug).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiException.leaseNotFound(idOrSlug));
      }
      if (credentials.isEmpty()) {
        return Future.failedFuture(ApiException.ticketRequired(missing));
      }
      return Future.succeededFuture(found.get());
    });
  }
}
