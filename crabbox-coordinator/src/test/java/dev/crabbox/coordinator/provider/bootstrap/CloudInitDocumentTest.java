package dev.crabbox.coordinator.provider.bootstrap;

import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.content;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.file;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.parse;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.requestWithFixedSecrets;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.writeFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.protocol.api.LeaseView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the cloud-config says, read back with a real YAML parser. */
class CloudInitDocumentTest {

  private static final LeaseView.Labels ALL = new LeaseView.Labels(true, true, true);
  private static final LeaseView.Labels BARE = LeaseView.Labels.NONE;

  private final CloudInitBootstrap bootstrap = new CloudInitBootstrap(BootstrapOptions.DEFAULTS);

  @Test
  void isACloudConfigWithTheLeaseUserAndTheOperatorsKey() {
    String text = bootstrap.userData(requestWithFixedSecrets(BARE));
    assertTrue(text.startsWith("#cloud-config\n"), "cloud-init needs the header on line one");

    Map<String, Object> user = onlyUser(parse(text));
    assertEquals(MachineBootstrap.SSH_USER, user.get("name"));
    assertEquals("ALL=(ALL) NOPASSWD:ALL", user.get("sudo"));
    assertEquals(true, user.get("lock_passwd"));
    assertEquals(List.of(BootstrapFixtures.OPERATOR_KEY), user.get("ssh_authorized_keys"));
  }

  /** EC2 takes at most 16 KiB of raw user data, Hetzner 32 KiB; the fullest lease must fit both. */
  @Test
  void theFullestDocumentFitsTheCloudsUserDataLimits() {
    int bytes = bootstrap.userData(requestWithFixedSecrets(ALL))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertTrue(bytes <= 16 * 1024, "user data of a desktop+browser+code lease is " + bytes + " bytes");
  }

  @Test
  void servesOnlyTheLeasesOwnHostKey() {
    ProvisionRequest request = requestWithFixedSecrets(BARE);
    Map<String, Object> document = parse(bootstrap.userData(request));

    assertEquals(true, document.get("ssh_deletekeys"));
    assertEquals(List.of(), document.get("ssh_genkeytypes"), "no other host key types");
    assertEquals(Map.of(
            "ed25519_private", request.secrets().get(LeaseSecrets.HOST_PRIVATE_KEY),
            "ed25519_public", request.secrets().get(LeaseSecrets.HOST_PUBLIC_KEY)),
        document.get("ssh_keys"));
    assertEquals(false, document.get("ssh_pwauth"));
  }

  @Test
  void oneRuncmdRunsTheStepsInOrderAndTouchesTheReadyMarkerLast() {
    Map<String, Object> document = parse(bootstrap.userData(requestWithFixedSecrets(ALL)));

    String runner = CloudInitBootstrap.BOOTSTRAP_DIR + "/bootstrap.sh";
    assertEquals(List.of(runner), document.get("runcmd"));
    String script = content(document, runner);
    assertTrue(script.contains("for step in base.sh desktop.sh browser.sh code-server.sh; do"),
        script);
    assertTrue(script.contains("ready=" + MachineBootstrap.READY_MARKER + "\n"), script);
    String[] lines = script.strip().split("\n");
    assertEquals("touch \"$ready\"", lines[lines.length - 2].strip(), "touch is the last step");
    for (String step : List.of("base.sh", "desktop.sh", "browser.sh", "code-server.sh")) {
      assertEquals("0755", file(document, CloudInitBootstrap.BOOTSTRAP_DIR + "/" + step)
          .get("permissions"));
    }
  }

  @Test
  void bareLeaseInstallsJavaAndNothingElse() {
    Map<String, Object> document = parse(bootstrap.userData(requestWithFixedSecrets(BARE)));

    assertTrue(content(document, CloudInitBootstrap.BOOTSTRAP_DIR + "/base.sh")
        .contains("apt-install.sh openjdk-17-jre-headless"));
    assertTrue(content(document, CloudInitBootstrap.BOOTSTRAP_DIR + "/bootstrap.sh")
        .contains("for step in base.sh; do"));
    List<String> paths = paths(document);
    assertFalse(paths.contains(CloudInitBootstrap.VNC_PASSWORD_FILE), paths.toString());
    assertFalse(paths.contains(CloudInitBootstrap.BROWSER_PATH), paths.toString());
    assertFalse(paths.stream().anyMatch(p -> p.contains("code-server")), paths.toString());
  }

  @Test
  void desktopRunsXvfbXfceAndLoopbackVncWithAPrivatePasswordFile() {
    ProvisionRequest request = requestWithFixedSecrets(new LeaseView.Labels(true, false, false));
    Map<String, Object> document = parse(bootstrap.userData(request));

    Map<String, Object> password = file(document, CloudInitBootstrap.VNC_PASSWORD_FILE);
    assertEquals("0600", password.get("permissions"));
    assertEquals(request.secrets().get(LeaseSecrets.VNC_PASSWORD), password.get("content"));
    String desktop = content(document, CloudInitBootstrap.BOOTSTRAP_DIR + "/desktop.sh");
    assertTrue(desktop.contains("chmod 0600 \"$password_file\""), desktop);
    assertTrue(desktop.contains("xvfb") && desktop.contains("xfce4-session xfwm4 xfce4-panel")
        && desktop.contains("x11vnc scrot ffmpeg"), desktop);
    assertFalse(desktop.contains("xfce4-goodies"), "a slim session");

    assertTrue(content(document, "/etc/systemd/system/crabbox-xvfb.service")
        .contains("ExecStart=/usr/bin/Xvfb :99 "));
    assertTrue(content(document, "/etc/systemd/system/crabbox-xfce.service")
        .contains("Environment=DISPLAY=:99\n"));
    String vnc = content(document, "/etc/systemd/system/crabbox-x11vnc.service");
    assertTrue(vnc.contains(" -localhost -noipv6 -rfbport 5900 -passwdfile "
        + CloudInitBootstrap.VNC_PASSWORD_FILE + " "), vnc);
  }

  @Test
  void browserInstallsChromeWithChromiumFallbackAndExportsTheWrapper() {
    Map<String, Object> document =
        parse(bootstrap.userData(requestWithFixedSecrets(new LeaseView.Labels(false, true, false))));

    String browser = content(document, CloudInitBootstrap.BOOTSTRAP_DIR + "/browser.sh");
    assertTrue(browser.contains("https://dl.google.com/linux/chrome/deb/ stable main"), browser);
    assertTrue(browser.contains("--refresh google-chrome-stable"), browser);
    assertTrue(browser.contains("--refresh chromium || "), browser);
    assertTrue(browser.contains("build-essential") && browser.contains("libgbm-dev")
        && browser.contains("libnss3-dev"), browser);
    assertEquals("0755", file(document, CloudInitBootstrap.BROWSER_PATH).get("permissions"));
    String profile = content(document, "/etc/profile.d/crabbox-browser.sh");
    assertTrue(profile.contains("export BROWSER='/usr/local/bin/crabbox-browser'\n"), profile);
    assertTrue(profile.contains("export CHROME_BIN='/usr/local/bin/crabbox-browser'\n"), profile);
  }

  @Test
  void codeVerifiesTheChecksumBeforeInstallingAndListensOnLoopbackOnly() {
    ProvisionRequest request = requestWithFixedSecrets(new LeaseView.Labels(false, false, true));
    Map<String, Object> document = parse(bootstrap.userData(request));

    String code = content(document, CloudInitBootstrap.BOOTSTRAP_DIR + "/code-server.sh");
    BootstrapOptions options = BootstrapOptions.DEFAULTS;
    assertTrue(code.contains("url='" + options.codeServerDownloadUrl() + "'\n"), code);
    assertTrue(code.contains("sha256='" + options.codeServerSha256() + "'\n"), code);
    int check = code.indexOf("sha256sum -c -");
    int unpack = code.indexOf("tar -xzf");
    assertTrue(check > 0 && unpack > check, "checksum is checked before anything is unpacked");
    assertTrue(code.substring(check, unpack).contains("exit 1"), "a mismatch stops the step");
    assertTrue(code.contains("ln -sfn \"$prefix/bin/code-server\" /usr/local/bin/code-server"));

    String unit = content(document, "/etc/systemd/system/crabbox-code-server.service");
    assertTrue(unit.contains("--bind-addr 127.0.0.1:8080 --auth password"), unit);
    assertFalse(unit.contains("0.0.0.0"), unit);
    Map<String, Object> env = file(document, "/etc/crabbox/code-server.env");
    assertEquals("0600", env.get("permissions"));
    assertEquals("PASSWORD=" + request.secrets().get(LeaseSecrets.CODE_SERVER_TOKEN) + "\n",
        env.get("content"));
  }

  @Test
  void eachSecretAppearsOnceAndOnlyWhereItBelongs() {
    ProvisionRequest request = requestWithFixedSecrets(ALL);
    String text = bootstrap.userData(request);
    Map<String, Object> document = parse(text);

    String vncPassword = request.secrets().get(LeaseSecrets.VNC_PASSWORD);
    String token = request.secrets().get(LeaseSecrets.CODE_SERVER_TOKEN);
    String privateKey = request.secrets().get(LeaseSecrets.HOST_PRIVATE_KEY);
    assertEquals(1, occurrences(text, vncPassword), "VNC password");
    assertEquals(1, occurrences(text, token), "code-server token");
    assertEquals(1, occurrences(text, privateKey.lines().skip(1).findFirst().orElseThrow()),
        "host private key");
    assertEquals(List.of(CloudInitBootstrap.VNC_PASSWORD_FILE), pathsContaining(document, vncPassword));
    assertEquals(List.of("/etc/crabbox/code-server.env"), pathsContaining(document, token));
    assertEquals(List.of(), pathsContaining(document, "OPENSSH PRIVATE KEY"));
  }

  @Test
  void leaseWithoutAnOperatorKeyAuthorizesNoKey() {
    ProvisionRequest request = new ProvisionRequest("cbx_0123456789ab", "blue-crab", "alice", "",
        "linux", BARE, "", Map.of(), requestWithFixedSecrets(BARE).secrets());
    Map<String, Object> document = parse(bootstrap.userData(request));

    assertEquals(List.of(), onlyUser(document).get("ssh_authorized_keys"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> onlyUser(Map<String, Object> document) {
    List<Map<String, Object>> users = (List<Map<String, Object>>) document.get("users");
    assertEquals(1, users.size(), "only the lease user; no distribution default user");
    return users.get(0);
  }

  private static List<String> paths(Map<String, Object> document) {
    return writeFiles(document).stream().map(f -> (String) f.get("path"))
        .collect(Collectors.toList());
  }

  private static List<String> pathsContaining(Map<String, Object> document, String secret) {
    return writeFiles(document).stream()
        .filter(f -> ((String) f.get("content")).contains(secret))
        .map(f -> (String) f.get("path"))
        .collect(Collectors.toList());
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
