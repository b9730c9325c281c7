package dev.crabbox.coordinator.provider;

import dev.crabbox.protocol.api.LeaseMachine;
import java.util.Objects;

/**
 * A machine a provider made (or found) for a lease.
 *
 * @param providerRef the provider's own id for it (Hetzner server id, EC2 instance id, static host
 *     name, local sandbox id); handed back to {@link LeaseProvider#release}
 * @param machine size, region, pinned SSH coordinates and price
 */
public record Provisioned(String providerRef, LeaseMachine machine) {

  public Provisioned {
    Objects.requireNonNull(providerRef, "providerRef");
    Objects.requireNonNull(machine, "machine");
  }
}
