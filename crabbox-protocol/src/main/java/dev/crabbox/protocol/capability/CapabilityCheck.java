package dev.crabbox.protocol.capability;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Spec 003's two-step capability validation.
 *
 * <p><b>Step 1, provider feature check</b> ({@link #validateRequested}), run when the user sets a
 * capability flag. Capabilities are checked in {@link Capability} order (desktop, browser, code),
 * and at most one message is produced per capability, so the first failure is always about the
 * earliest refused capability. Per capability:
 *
 * <ul>
 *   <li>desktop, browser: refused with {@code desktop/VNC is not supported for provider=%s} /
 *       {@code browser provisioning is not supported for provider=%s} when the provider's feature
 *       set lacks it. The target is not consulted (static macOS/Windows hosts may expose VNC and a
 *       browser; they are probed).
 *   <li>code, in this precedence:
 *       <ol>
 *         <li>the provider is an operator-owned SSH target ({@code static}):
 *             {@code web code currently supports managed Linux leases only} (the spec names static
 *             SSH as a managed-Linux-only refusal, so it wins over the generic provider text);
 *         <li>the provider's feature set lacks code ({@code manual}, {@code local},
 *             {@code blacksmith-testbox}): {@code web code is not supported for provider=%s} — the
 *             provider check is step one, and these providers cannot do code on any target;
 *         <li>the provider supports code but the target is not Linux:
 *             {@code web code currently supports managed Linux leases only}.
 *       </ol>
 * </ul>
 *
 * <p><b>Step 2, label check</b> ({@link #enforceLabels}), run on {@code --id} reuse: every requested
 * capability the provider detects by {@link Detection#PROBE} (static, local) skips the label and is
 * returned as "must probe"; every other requested capability needs its label {@code true} on the
 * lease, else {@code lease %s was not created with desktop=true; warm a new lease with --desktop}.
 */
public final class CapabilityCheck {

  /** {@code desktop/VNC is not supported for provider=%s}. */
  public static final String DESKTOP_UNSUPPORTED = "desktop/VNC is not supported for provider=%s";
  /** {@code browser provisioning is not supported for provider=%s}. */
  public static final String BROWSER_UNSUPPORTED =
      "browser provisioning is not supported for provider=%s";
  /** {@code web code is not supported for provider=%s}. */
  public static final String CODE_UNSUPPORTED = "web code is not supported for provider=%s";
  /** {@code web code currently supports managed Linux leases only}. */
  public static final String CODE_MANAGED_LINUX_ONLY =
      "web code currently supports managed Linux leases only";
  /** {@code lease %s was not created with %s=true; warm a new lease with --%s}. */
  public static final String LABEL_MISSING =
      "lease %s was not created with %s=true; warm a new lease with --%s";

  private CapabilityCheck() {}

  /**
   * Step 1: the provider feature check. Returns one failure message per refused capability, in
   * capability order; empty means the request is acceptable.
   */
  public static List<String> validateRequested(
      ProviderSpec provider, LeaseTarget target, Set<Capability> requested) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(target, "target");
    List<String> failures = new ArrayList<>();
    for (Capability c : ordered(requested)) {
      String failure = refusal(provider, target, c);
      if (failure != null) {
        failures.add(failure);
      }
    }
    return List.copyOf(failures);
  }

  /**
   * Step 1, throwing form of {@link #validateRequested}.
   *
   * @throws CapabilityException with the first failure message
   */
  public static void requireSupported(
      ProviderSpec provider, LeaseTarget target, Set<Capability> requested)
      throws CapabilityException {
    List<String> failures = validateRequested(provider, target, requested);
    if (!failures.isEmpty()) {
      throw new CapabilityException(failures.get(0));
    }
  }

  /**
   * The refusal message for one capability on a provider and target, or {@code null} when it is
   * allowed. See the class comment for the precedence.
   */
  public static String refusal(ProviderSpec provider, LeaseTarget target, Capability capability) {
    switch (capability) {
      case DESKTOP:
        return provider.supports(capability) ? null : String.format(DESKTOP_UNSUPPORTED, provider.name());
      case BROWSER:
        return provider.supports(capability) ? null : String.format(BROWSER_UNSUPPORTED, provider.name());
      case CODE:
        if (provider.operatorOwnedSshTarget()) {
          return CODE_MANAGED_LINUX_ONLY;
        }
        if (!provider.supports(capability)) {
          return String.format(CODE_UNSUPPORTED, provider.name());
        }
        return target == LeaseTarget.LINUX ? null : CODE_MANAGED_LINUX_ONLY;
      default:
        throw new IllegalArgumentException("unhandled capability " + capability);
    }
  }

  /**
   * Step 2: the label check on {@code --id} reuse of lease {@code leaseId}. {@code labels} are the
   * lease's capability labels (a missing or {@code null} entry counts as {@code false}; see {@link
   * Capability#fromLabels}). Capabilities the provider probes (static, local) skip the label and are
   * listed in {@link LabelCheck#mustProbe()}; all others need their label.
   */
  public static LabelCheck enforceLabels(
      String leaseId,
      ProviderSpec provider,
      Map<Capability, Boolean> labels,
      Set<Capability> requested) {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(provider, "provider");
    List<String> failures = new ArrayList<>();
    Set<Capability> probe = EnumSet.noneOf(Capability.class);
    for (Capability c : ordered(requested)) {
      if (provider.probes(c)) {
        probe.add(c);
      } else if (labels == null || !Boolean.TRUE.equals(labels.get(c))) {
        failures.add(labelMissing(leaseId, c));
      }
    }
    return new LabelCheck(failures, probe);
  }

  /** {@code lease <id> was not created with <cap>=true; warm a new lease with --<cap>}. */
  public static String labelMissing(String leaseId, Capability capability) {
    return String.format(LABEL_MISSING, leaseId, capability.label(), capability.label());
  }

  private static Set<Capability> ordered(Set<Capability> requested) {
    Objects.requireNonNull(requested, "requested");
    return requested.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(requested);
  }
}
