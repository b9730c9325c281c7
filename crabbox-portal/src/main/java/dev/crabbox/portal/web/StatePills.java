package dev.crabbox.portal.web;

import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.coordinator.store.RunState;
import dev.crabbox.portal.view.Pill;

/** State words as pills, coloured by what they mean for the operator. */
public final class StatePills {

  private StatePills() {}

  public static Pill lease(LeaseState state) {
    switch (state) {
      case ACTIVE:
        return new Pill("active", "ok", "the lease is up");
      case PROVISIONING:
        return new Pill("provisioning", "warn", "the provider is creating the machine");
      case FAILED:
        return new Pill("failed", "bad", "provisioning failed");
      default:
        return new Pill(state.wire(), "muted", "the lease has ended");
    }
  }

  public static Pill run(RunState state) {
    switch (state) {
      case RUNNING:
        return new Pill("running", "warn", "the command is still running");
      case SUCCEEDED:
        return new Pill("succeeded", "ok", "exit code 0");
      default:
        return new Pill("failed", "bad", "non-zero exit code");
    }
  }

  public static Pill runner(String status) {
    switch (status) {
      case "running":
        return new Pill("running", "ok", "the runner reports running");
      case "queued":
        return new Pill("queued", "warn", "the runner reports queued");
      default:
        return new Pill(status, "muted", "the runner reports " + status);
    }
  }
}
