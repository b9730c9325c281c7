package dev.crabbox.coordinator.provider.aws;

import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A stand-in for the cloud-init bootstrap: a short, recognisable user-data document and a host key
 * "fingerprint" derived from the lease's secret, so tests can see both arrive where they belong.
 */
final class TestBootstrap implements MachineBootstrap {

  static final String HOST_KEY = "hostKey";

  /** Extra bytes appended to the user data (to go past EC2's size limit). */
  int padding;
  /** The thread the provider last asked for user data on. */
  volatile String userDataThread;

  @Override
  public Map<String, String> prepareSecrets(ProvisionRequest request) {
    return Map.of(HOST_KEY, "test host key of " + request.leaseId());
  }

  @Override
  public String userData(ProvisionRequest request) {
    userDataThread = Thread.currentThread().getName();
    return "#cloud-config\n"
        + "# crabbox lease " + request.leaseId() + "\n"
        + "users:\n"
        + "  - name: " + SSH_USER + "\n"
        + "    ssh_authorized_keys: [\"" + request.sshPublicKey() + "\"]\n"
        + "#" + "x".repeat(padding) + "\n";
  }

  @Override
  public String hostKeyFingerprint(Map<String, String> secrets) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(secrets.get(HOST_KEY).getBytes(StandardCharsets.UTF_8));
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
