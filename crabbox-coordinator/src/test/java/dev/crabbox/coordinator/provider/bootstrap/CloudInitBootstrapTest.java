package dev.crabbox.coordinator.provider.bootstrap;

import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secrets per lease, the pinned fingerprint, and what the bootstrap refuses. */
class CloudInitBootstrapTest {

  private static final LeaseView.Labels CODE = new LeaseView.Labels(false, false, true);

  private final CloudInitBootstrap bootstrap = new CloudInitBootstrap(BootstrapOptions.DEFAULTS);

  @Test
  void bareLeaseGetsOnlyAHostKey() {
    Map<String, String> secrets = bootstrap.prepareSecrets(request(LeaseView.Labels.NONE));

    assertEquals(Set.of(LeaseSecrets.HOST_PUBLIC_KEY, LeaseSecrets.HOST_PRIVATE_KEY),
        secrets.keySet());
    assertTrue(secrets.get(LeaseSecrets.HOST_PUBLIC_KEY)
        .endsWith(" crabbox-host-cbx_0123456789ab"));
  }

  @Test
  void desktopGetsAnEightCharacterVncPasswordAndCodeAToken() {
    Map<String, String> secrets =
        bootstrap.prepareSecrets(request(new LeaseView.Labels(true, false, true)));

    String password = secrets.get(LeaseSecrets.VNC_PASSWORD);
    assertTrue(password.matches("[A-Za-z0-9]{8}"), password);
    String token = secrets.get(LeaseSecrets.CODE_SERVER_TOKEN);
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 random bits, URL-safe: " + token);
  }

  @Test
  void everyLeaseGetsFreshSecrets() {
    LeaseView.Labels all = new LeaseView.Labels(true, true, true);
    Map<String, String> first = bootstrap.prepareSecrets(request(all));
    Map<String, String> second = bootstrap.prepareSecrets(request(all));

    for (String key : first.keySet()) {
      assertNotEquals(first.get(key), second.get(key), key);
    }
  }

  @Test
  void hostKeyFingerprintIsTheSha256OfThePublicKey() {
    Map<String, String> secrets = bootstrap.prepareSecrets(request(LeaseView.Labels.NONE));

    String fingerprint = bootstrap.hostKeyFingerprint(secrets);
    assertEquals(SshPublicKeys.fingerprint(secrets.get(LeaseSecrets.HOST_PUBLIC_KEY)), fingerprint);
    assertTrue(SshPublicKeys.isFingerprint(fingerprint), fingerprint);
  }

  @Test
  void codeWithoutAConfiguredChecksumIsRefusedWithTheConfigToSet() {
    CloudInitBootstrap unverified = new CloudInitBootstrap(BootstrapOptions.fromJson(
        new JsonObject().put("codeServerVersion", "4.99.1")));
    String expected = "web code needs providers.bootstrap.codeServerVersion and"
        + " codeServerSha256 in the coordinator config";

    assertEquals(expected, assertThrows(ProviderException.class,
        () -> unverified.validate(request(CODE))).getMessage());
    assertEquals(expected, assertThrows(ProviderException.class,
        () -> unverified.prepareSecrets(request(CODE))).getMessage());
    ProvisionRequest prepared = request(CODE).withSecrets(bootstrap.prepareSecrets(request(CODE)));
    assertEquals(expected, assertThrows(ProviderException.class,
        () -> unverified.userData(prepared)).getMessage());
  }

  @Test
  void leasesWithoutCodeDoNotNeedTheChecksum() {
    CloudInitBootstrap unverified = new CloudInitBootstrap(BootstrapOptions.fromJson(
        new JsonObject().put("codeServerVersion", "4.99.1")));
    ProvisionRequest desktop = request(new LeaseView.Labels(true, true, false));

    unverified.validate(desktop);
    String document = unverified.userData(desktop.withSecrets(unverified.prepareSecrets(desktop)));
    assertTrue(document.startsWith("#cloud-config\n"));
  }

  @Test
  void documentForALeaseStoredWithoutItsSecretsIsRefusedClearly() {
    ProvisionRequest desktop = request(new LeaseView.Labels(true, false, false));
    Map<String, String> hostKeyOnly = bootstrap.prepareSecrets(request(LeaseView.Labels.NONE));

    ProviderException e = assertThrows(ProviderException.class,
        () -> bootstrap.userData(desktop.withSecrets(hostKeyOnly)));
    assertEquals("the lease has no vncPassword among its prepared secrets; it was created without"
        + " them and cannot be bootstrapped, start a new lease", e.getMessage());
  }
}
