package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import java.util.Map;

/**
 * A stand-in for the cloud-init bootstrap (written elsewhere): a host key per lease and a small
 * user-data document that names the lease, so tests can see both pass through the provider.
 */
final class StubBootstrap implements MachineBootstrap {

  static final String HOST_KEY = "hostPublicKey";

  private final int paddingBytes;

  StubBootstrap() {
    this(0);
  }

  /** A bootstrap whose user data carries {@code paddingBytes} more bytes of comment. */
  StubBootstrap(int paddingBytes) {
    this.paddingBytes = paddingBytes;
  }

  @Override
  public Map<String, String> prepareSecrets(ProvisionRequest request) {
    return Map.of(HOST_KEY, TestKeys.ed25519(request.leaseId().length(), "host"),
        "vncPassword", "vnc-" + request.leaseId());
  }

  @Override
  public String userData(ProvisionRequest request) {
    return "#cloud-config\n# lease " + request.leaseId() + "\n# " + "x".repeat(paddingBytes)
        + "\nruncmd:\n  - touch " + READY_MARKER + "\n";
  }

  @Override
  public String hostKeyFingerprint(Map<String, String> secrets) {
    return SshPublicKeys.fingerprint(secrets.get(HOST_KEY));
  }
}
