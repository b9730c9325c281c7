package dev.crabbox.coordinator.provider;

import java.util.Map;

/**
 * Prepares a managed Linux machine (hetzner, aws) from the lease's capabilities: the secrets it
 * needs and the cloud-init document that installs everything. A managed cloud provider calls
 * {@link #prepareSecrets} from its own {@code prepareSecrets}, sends {@link #userData} as the
 * machine's user data and reports {@link #hostKeyFingerprint} as the pinned host key.
 *
 * <p>The machine writes {@link #READY_MARKER} as the last bootstrap step; the CLI waits for it.
 */
public interface MachineBootstrap {

  /** Touched by cloud-init when every requested capability is installed and running. */
  String READY_MARKER = "/var/lib/crabbox/ready";

  /** The user cloud-init creates (passwordless sudo, the operator's key authorized). */
  String SSH_USER = "crabbox";

  /**
   * Refuses what the bootstrap cannot install (e.g. code-server without a verified release);
   * managed providers call it from their own {@code validate}.
   *
   * @throws ProviderException saying which setting is missing
   */
  default void validate(ProvisionRequest request) {}

  /** Host key pair, VNC password, code-server token: generated once per lease. */
  Map<String, String> prepareSecrets(ProvisionRequest request);

  /** The {@code #cloud-config} document for the lease ({@code request.secrets()} filled). */
  String userData(ProvisionRequest request);

  /** The {@code SHA256:} fingerprint of the host key in {@code secrets}. */
  String hostKeyFingerprint(Map<String, String> secrets);
}
