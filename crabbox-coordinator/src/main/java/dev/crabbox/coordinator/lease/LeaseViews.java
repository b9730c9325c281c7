package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.protocol.api.LeaseView;
import java.time.Instant;

/** Store record to API shape; the state shown is the state as of now (expired before the sweep). */
public final class LeaseViews {

  private LeaseViews() {}

  public static LeaseView of(LeaseRecord l, Instant now) {
    return new LeaseView(l.id(), l.slug(), l.owner(), l.org(), l.provider(), l.target(),
        l.stateAt(now).wire(), new LeaseView.Labels(l.desktop(), l.browser(), l.code()),
        l.createdAt(), l.updatedAt(), l.expiresAt(), l.machine(), l.failure());
  }
}
