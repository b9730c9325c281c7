package dev.crabbox.coordinator.provider.bootstrap;

import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The managed-Linux bootstrap as a {@code #cloud-config} document (spec 003): the lease user with
 * the operator's key, the lease's own SSH host key (so the fingerprint the coordinator pins is the
 * one the machine serves), and one script per requested capability, run in order by a single
 * {@code runcmd} that touches {@link #READY_MARKER} only when all of them succeeded.
 *
 * <p>Every shell part is a file written by {@code write_files} under {@link #BOOTSTRAP_DIR};
 * nothing else runs. Secrets appear once each, in the file that needs them.
 */
public final class CloudInitBootstrap implements MachineBootstrap {

  /** Where the bootstrap scripts and helpers are written on the machine. */
  public static final String BOOTSTRAP_DIR = "/var/lib/crabbox/bootstrap";

  /** Written instead of the ready marker when a step fails; holds the failed step's name. */
  public static final String FAILED_MARKER = "/var/lib/crabbox/bootstrap.failed";

  /** The desktop's VNC password, readable by {@link #SSH_USER} only (spec 003). */
  public static final String VNC_PASSWORD_FILE = "/var/lib/crabbox/vnc.password";

  /** The browser wrapper that BROWSER and CHROME_BIN name on a managed lease. */
  public static final String BROWSER_PATH = "/usr/local/bin/crabbox-browser";

  /** The loopback port code-server listens on (spec 003's default). */
  public static final int CODE_SERVER_PORT = 8080;

  /** The message a {@code --code} lease gets when no checksum is configured for code-server. */
  public static final String CODE_NOT_CONFIGURED = "web code needs providers.bootstrap."
      + "codeServerVersion and codeServerSha256 in the coordinator config";

  private static final String HEADER = "#cloud-config";

  private final BootstrapOptions options;
  private final SecureRandom random;

  /** A bootstrap with {@code options} and the platform's strong random source. */
  public CloudInitBootstrap(BootstrapOptions options) {
    this(options, new SecureRandom());
  }

  /** A bootstrap drawing its secrets from {@code random} (tests pass a seeded one). */
  public CloudInitBootstrap(BootstrapOptions options, SecureRandom random) {
    this.options = Objects.requireNonNull(options, "options");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The options this bootstrap installs code-server with. */
  public BootstrapOptions options() {
    return options;
  }

  /**
   * Refuses what the bootstrap cannot install: {@code --code} without a code-server checksum is
   * refused here rather than installed unverified. Providers call this from their own
   * {@code validate}.
   *
   * @throws ProviderException with {@link #CODE_NOT_CONFIGURED}
   */
  @Override
  public void validate(ProvisionRequest request) {
    if (request.labels().code() && !options.codeServerVerifiable()) {
      throw new ProviderException(CODE_NOT_CONFIGURED);
    }
  }

  @Override
  public Map<String, String> prepareSecrets(ProvisionRequest request) {
    validate(request);
    return LeaseSecrets.generate(random, request.leaseId(), request.labels());
  }

  @Override
  public String userData(ProvisionRequest request) {
    validate(request);
    Map<String, String> secrets = request.secrets();
    List<BootstrapStep> steps = steps(request.labels(), secrets);

    List<Object> files = new ArrayList<>();
    CapabilitySteps.helpers().forEach(file -> files.add(file.toYaml()));
    for (BootstrapStep step : steps) {
      step.files().forEach(file -> files.add(file.toYaml()));
      files.add(step.script().toYaml());
    }
    WriteFile runner = CapabilitySteps.runner(steps);
    files.add(runner.toYaml());

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("users", List.of(user(request.sshPublicKey())));
    document.put("disable_root", true);
    document.put("ssh_pwauth", false);
    // Only the lease's own host key: with other key types generated, a client could negotiate
    // one the coordinator never pinned.
    document.put("ssh_deletekeys", true);
    document.put("ssh_genkeytypes", List.of());
    document.put("ssh_keys", hostKeys(secrets));
    document.put("write_files", files);
    document.put("runcmd", List.of(runner.path()));
    return YamlWriter.document(HEADER, document);
  }

  @Override
  public String hostKeyFingerprint(Map<String, String> secrets) {
    return SshPublicKeys.fingerprint(LeaseSecrets.require(secrets, LeaseSecrets.HOST_PUBLIC_KEY));
  }

  private List<BootstrapStep> steps(LeaseView.Labels labels, Map<String, String> secrets) {
    List<BootstrapStep> steps = new ArrayList<>();
    steps.add(CapabilitySteps.base());
    if (labels.desktop()) {
      steps.add(CapabilitySteps.desktop(LeaseSecrets.require(secrets, LeaseSecrets.VNC_PASSWORD)));
    }
    if (labels.browser()) {
      steps.add(CapabilitySteps.browser());
    }
    if (labels.code()) {
      steps.add(CapabilitySteps.codeServer(options,
          LeaseSecrets.require(secrets, LeaseSecrets.CODE_SERVER_TOKEN)));
    }
    return steps;
  }

  private static Map<String, Object> user(String sshPublicKey) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("name", SSH_USER);
    user.put("gecos", "Crabbox lease user");
    user.put("shell", "/bin/bash");
    user.put("lock_passwd", true);
    user.put("sudo", "ALL=(ALL) NOPASSWD:ALL");
    user.put("ssh_authorized_keys", sshPublicKey.isEmpty() ? List.of() : List.of(sshPublicKey));
    return user;
  }

  private static Map<String, Object> hostKeys(Map<String, String> secrets) {
    String publicLine = LeaseSecrets.require(secrets, LeaseSecrets.HOST_PUBLIC_KEY);
    if (!publicLine.startsWith(HostKeyPair.KEY_TYPE + " ")) {
      throw new ProviderException("the lease's prepared host key is not an "
          + HostKeyPair.KEY_TYPE + " key; start a new lease");
    }
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("ed25519_private", LeaseSecrets.require(secrets, LeaseSecrets.HOST_PRIVATE_KEY));
    keys.put("ed25519_public", publicLine);
    return keys;
  }
}
