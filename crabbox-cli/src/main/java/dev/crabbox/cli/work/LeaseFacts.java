package dev.crabbox.cli.work;

import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.options.ApiAnswers;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.capability.Detection;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** What the workflows read off a lease object: its provider row, its target, how to SSH to it. */
public final class LeaseFacts {
  public static final String ACTIVE = "active";
  static final String PROVISIONING = "provisioning";
  static final String FAILED = "failed";

  private LeaseFacts() {
  }

  public static Future<LeaseView> read(JsonObject json) {
    return ApiAnswers.read(json, LeaseView::fromJson, "lease");
  }

  /** The provider's feature row; a provider this CLI does not know has no capabilities. */
  static ProviderSpec provider(LeaseView lease) {
    try {
      return ProviderSpec.of(lease.provider());
    } catch (IllegalArgumentException unknown) {
      return new ProviderSpec(lease.provider(), false, Map.of());
    }
  }

  /** The lease's operating system; Linux when the lease does not say. */
  public static LeaseTarget target(LeaseView lease) {
    try {
      return lease.target() == null || lease.target().isEmpty() ? LeaseTarget.LINUX
          : LeaseTarget.parse(lease.target());
    } catch (IllegalArgumentException unknown) {
      return LeaseTarget.LINUX;
    }
  }

  /** Whether Crabbox bootstraps the machine and marks it ready (hetzner, aws). */
  static boolean bootstrapped(ProviderSpec provider) {
    return provider.managed() && provider.features().containsValue(Detection.LABEL);
  }

  /** The SSH endpoint of an active lease; a clear refusal for any other lease. */
  public static LeaseMachine.Ssh requireSsh(LeaseView lease) {
    String name = lease.id() + " (" + lease.slug() + ")";
    if (!ACTIVE.equals(lease.state())) {
      String why = FAILED.equals(lease.state()) && lease.failure() != null ? ": " + lease.failure() : "";
      throw new FatalSetupException("lease " + name + " is " + lease.state() + why
          + "; only an active lease can run commands");
    }
    if (lease.machine() == null) {
      throw new FatalSetupException("lease " + name + " has no machine to SSH to (provider "
          + lease.provider() + "); warm a lease with a provider that provisions one");
    }
    return lease.machine().ssh();
  }
}
