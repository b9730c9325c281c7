package dev.crabbox.coordinator.provider;

import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of machine a lease can live on. The coordinator's lease lifecycle calls these methods
 * on its own context; implementations must not block it (HTTP through the Vert.x web client, SDK
 * and SSH calls through {@code executeBlocking}) and fail futures with {@link ProviderException}
 * carrying a reason a person understands (it is shown as the lease's {@code failure}).
 *
 * <p>Every call is keyed by the lease id so it can be repeated after a coordinator restart:
 * {@link #provision} finds a machine it already started for the lease (cloud labels/tags) instead
 * of creating a second one, and {@link #release} succeeds when nothing is left.
 */
public interface LeaseProvider {

  /** The provider's row in the feature table; its name is the {@code provider} of leases. */
  ProviderSpec spec();

  default String name() {
    return spec().name();
  }

  /**
   * Checks a request before any lease is stored (target supported, provider options known) and
   * throws {@link ProviderException} with the reason when it cannot be served. Capability flags
   * are already checked against {@link #spec()} by the caller.
   */
  default void validate(ProvisionRequest request) {}

  /**
   * Secrets the lease needs from the start (host key pair, VNC password, code-server token). They
   * are stored with the lease before {@link #provision} runs, handed back in
   * {@link ProvisionRequest#secrets()} on every later call (also after a restart), and never shown
   * in the API.
   */
  default Map<String, String> prepareSecrets(ProvisionRequest request) {
    return Map.of();
  }

  /**
   * Creates the machine (or finds the one already started for this lease) and completes once the
   * provider reports it running with an address; the lease is then {@code active}. Waiting for SSH
   * and for the bootstrap's {@link MachineBootstrap#READY_MARKER} is the CLI's part (it shows
   * progress). A failure ends the lease as {@code failed}; the caller then calls {@link #release}
   * to remove whatever was created.
   */
  Future<Provisioned> provision(ProvisionRequest request);

  /**
   * Called once per active lease when the coordinator starts: lets a provider whose machines live
   * in the coordinator process (local) bring them back. Answers the new coordinates when they
   * changed, empty when the recorded ones still hold.
   */
  default Future<Optional<Provisioned>> reattach(ProvisionRequest request, Provisioned current) {
    return Future.succeededFuture(Optional.empty());
  }

  /**
   * Deletes the lease's machine and everything created for it (keys, security groups). Idempotent:
   * succeeds when it is already gone. {@code providerRef} is null when provisioning never got
   * that far; providers then look the lease up by its id.
   */
  Future<Void> release(String leaseId, String providerRef);

  /** Stops background work and closes clients; leases stay as they are. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
