package dev.crabbox.protocol.capability;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of {@link CapabilityCheck#enforceLabels}: the label failures (empty when the reuse
 * may go on) and the requested capabilities that are not label-gated and must instead be probed on
 * the host before the run starts.
 *
 * @param failures spec 003 messages, in capability order
 * @param mustProbe requested capabilities to probe (static/local targets)
 */
public record LabelCheck(List<String> failures, Set<Capability> mustProbe) {

  public LabelCheck {
    failures = List.copyOf(failures);
    mustProbe =
        Collections.unmodifiableSet(
            mustProbe.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(mustProbe));
  }

  /** True when no label is missing. */
  public boolean ok() {
    return failures.isEmpty();
  }

  /**
   * Returns the capabilities to probe, or throws with the first failure.
   *
   * @throws CapabilityException carrying the first failure message
   */
  public Set<Capability> orThrow() throws CapabilityException {
    if (!failures.isEmpty()) {
      throw new CapabilityException(failures.get(0));
    }
    return mustProbe;
  }
}
