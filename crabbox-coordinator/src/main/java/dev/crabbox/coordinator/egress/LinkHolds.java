package dev.crabbox.coordinator.egress;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The read holds one {@link Link} placed on its sockets' gates. Disposing the link lifts exactly
 * these: when one socket of a pair is replaced, the survivor reads again at once, while holds its
 * new link placed in the meantime stay. A hold asked for after disposal is refused, because the
 * link's relay on a socket's event loop races with the session actor disposing it: a hold placed
 * after the lift would pause the survivor for good (the sink it waits on is being closed and never
 * drains).
 *
 * <p>Lock order: link, then these holds, then the gate.
 */
final class LinkHolds {

  private final Map<ReadGate, Set<Object>> held = new HashMap<>();
  private boolean lifted;

  /** Holds {@code gate} for {@code reason}, unless the link is already disposed. */
  synchronized void hold(ReadGate gate, Object reason) {
    if (!lifted && held.computeIfAbsent(gate, g -> new HashSet<>()).add(reason)) {
      gate.hold(reason);
    }
  }

  /** Releases a hold this link placed; anything else (a late drain, say) is a no-op. */
  synchronized void release(ReadGate gate, Object reason) {
    Set<Object> reasons = held.get(gate);
    if (reasons != null && reasons.remove(reason)) {
      gate.release(reason);
    }
  }

  /** Lifts every hold of the link and refuses new ones: the link is gone. */
  synchronized void liftAll() {
    lifted = true;
    held.forEach((gate, reasons) -> reasons.forEach(gate::release));
    held.clear();
  }
}
