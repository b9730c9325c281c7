package dev.crabbox.cli.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.egress.start.DaemonFiles;
import dev.crabbox.cli.runtime.ManualShutdownSignal;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.testing.StaticHostsConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Proof on a real network: a lease namespace running Debian's OpenSSH, Java, Xvfb, x11vnc and
 * Chromium (the {@code static} provider points at it), an origin namespace with http and https
 * servers that record peer addresses, and the operator side (coordinator, CLI, host daemon) in
 * this machine's namespace. The lease cannot reach the origin, so whatever the origin sees came
 * through the egress host. The steps build on each other and run in order.
 */
@Tag("system")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealNetworkSystemTest {
  private static final int HTTP_PORT = 8080;
  private static final int HTTPS_PORT = 8443;
  private static final int PROXY_PORT = 3128;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final List<String> TOOLS = List.of("/usr/sbin/sshd", "/usr/bin/chromium", "/usr/bin/Xvfb",
      "/usr/bin/x11vnc", "/usr/bin/certutil", "/usr/bin/openssl", "/usr/bin/curl", "/usr/bin/ssh-keygen");

  private Path dir;

  private NetworkLab lab;
  private LeaseBox box;
  private Vertx vertx;
  private CoordinatorVerticle coordinator;
  private Path home;
  private Path originRecord;
  private String lease;
  private DaemonFiles daemonFiles;

  @BeforeAll
  void buildTheNetwork() throws Exception {
    String forbidden = NetworkLab.forbiddenReason();
    if (forbidden != null) {
      System.err.println("\n*** SKIPPING RealNetworkSystemTest: network namespaces are not available here ("
          + forbidden + "); the real-network proof did NOT run ***\n");
    }
    Assumptions.assumeTrue(forbidden == null, "network namespaces are forbidden here: " + forbidden);
    List<String> missing = TOOLS.stream().filter(tool -> !Files.isExecutable(Path.of(tool))).toList();
    if (!missing.isEmpty()) {
      fail("the system tests need " + missing + "; install: apt-get install -y openssh-server chromium xvfb "
          + "x11vnc libnss3-tools openssl curl iproute2");
    }
    // Not under /tmp: the lease gets a private /tmp, and its home must stay visible. A checkout
    // that itself lives under /tmp (CI clones often do) works in /var/tmp instead.
    Path base = Path.of("target", "system-tests").toAbsolutePath();
    if (base.startsWith("/tmp")) {
      base = Path.of("/var/tmp", "crabbox-system-tests");
    }
    dir = Files.createTempDirectory(Files.createDirectories(base), "network-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    home = dir.resolve("operator");
    OperatorKey key = OperatorKey.resolve(environment().settings());
    lab = NetworkLab.create();
    TestPki pki = TestPki.forAddress(dir.resolve("pki"), lab.origin);
    box = LeaseBox.start(lab, Files.createDirectories(dir.resolve("lease")), key.publicLine(), pki.caCertificate);
    startOrigin(pki);

    JsonObject providers = StaticHostsConfig.oneHost("lease1", lab.lease, 22, LeaseBox.USER,
        box.hostKeyFingerprint);
    vertx = Vertx.vertx();
    coordinator = new CoordinatorVerticle(new CoordinatorOptions().setHost(lab.operatorToLease).setPort(0)
        .setDataDir(dir.resolve("coordinator")).setProvidersConfig(providers));
    vertx.deployVerticle(coordinator).await();

    CliRunner.Result warm = cli().run("warmup", "--static-host", "lease1", "--poll-interval", "200ms");
    assertEquals(ExitCodes.OK, warm.exitCode(), warm.err());
    lease = warm.out().trim().split(" ")[0];
    String status = cli().run("status", lease).out();
    Matcher id = Pattern.compile("cbx_[0-9a-f]+").matcher(status);
    assertTrue(id.find(), status);
    daemonFiles = DaemonFiles.of(environment(), id.group());
  }

  private void startOrigin(TestPki pki) throws IOException {
    originRecord = dir.resolve("origin-record.txt");
    Files.writeString(originRecord, "");
    String java = ProcessHandle.current().info().command().orElseThrow();
    lab.spawn(lab.originNs, List.of(java, "-cp", System.getProperty("java.class.path"),
        OriginServerMain.class.getName(), originRecord.toString(), String.valueOf(HTTP_PORT),
        String.valueOf(HTTPS_PORT), pki.serverStore.toString(), lab.origin), dir.resolve("origin.log"));
    await().atMost(WAIT).until(() -> lab.listening(lab.originNs, HTTP_PORT) && lab.listening(lab.originNs, HTTPS_PORT));
  }

  @AfterAll
  void tearDown() {
    if (daemonFiles != null) {
      daemonFiles.runningSupervisor().ifPresent(supervisor -> {
        supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
        supervisor.destroyForcibly();
      });
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (lab != null) {
      lab.close();
    }
    if (box != null) {
      box.close();
    }
    if (dir != null) {
      Shell.run(List.of("rm", "-rf", dir.toString()));
    }
  }

  @Test
  @Order(1)
  void browserTrafficLeavesFromTheOperatorSide() throws Exception {
    CliRunner.Result started = cli().run("egress", "start", "--id", lease, "--allow", lab.origin,
        "--allow-private-destinations", "--daemon");
    assertEquals(ExitCodes.OK, started.exitCode(), started.out() + started.err());
    assertTrue(started.out().contains("lease proxy listening on 127.0.0.1:" + PROXY_PORT), started.out());

    CliRunner.Result status = cli().run("egress", "status", "--id", lease);
    assertTrue(status.out().contains("host=true client=true"), status.out());

    String page = "http://" + lab.origin + ":" + HTTP_PORT + "/page";
    CliRunner.Result launched = cli().run("desktop", "launch", "--id", lease, "--browser", "--url", page,
        "--egress", "custom", "--webvnc");
    assertEquals(ExitCodes.OK, launched.exitCode(), launched.out() + launched.err());
    assertTrue(launched.out().contains("proxy http://127.0.0.1:" + PROXY_PORT), launched.out());
    // --webvnc started the lease's VNC bridge agent (through the lease's SSH) and printed the page.
    assertTrue(Pattern.compile("the lease bridge agent for [a-z]+-[a-z]+ is connected").matcher(launched.out())
        .find(), launched.out());
    assertTrue(Pattern.compile("http://[0-9.:]+/portal/leases/[a-z]+-[a-z]+/vnc\n").matcher(launched.out()).find(),
        launched.out());

    await().atMost(WAIT).until(() -> seen().contains("http /page") && seen().contains("https /pixel.svg"));
    for (String line : seen().strip().split("\n")) {
      assertTrue(line.startsWith(lab.operatorToOrigin + " "), "the origin saw " + line + ", not the operator side");
      assertFalse(line.startsWith(lab.lease + " "), line);
    }
    assertTrue(Files.exists(box.tmp.resolve("crabbox-desktop-launch.log")), "the launch log is in the lease's /tmp");
  }

  @Test
  @Order(2)
  void aHostOutsideTheAllowlistIsRefusedAndNeverReached() {
    Shell.Result refused = lab.exec(lab.leaseNs, "curl", "-sS", "-i", "--max-time", "20",
        "-x", "http://127.0.0.1:" + PROXY_PORT, "http://" + lab.otherOrigin + ":" + HTTP_PORT + "/refused");

    assertTrue(refused.output().startsWith("HTTP/1.1 403 Forbidden"), refused.output());
    assertTrue(refused.output().contains("crabbox egress: not allowlisted: " + lab.otherOrigin), refused.output());
    assertFalse(seen().contains("/refused"), seen());
  }

  @Test
  @Order(3)
  void theLeaseHasNoRouteToTheOrigin() {
    Shell.Result direct = lab.exec(lab.leaseNs, "curl", "-sS", "--max-time", "5",
        "http://" + lab.origin + ":" + HTTP_PORT + "/direct");

    assertNotEquals(0, direct.exit(), direct.output());
    assertFalse(seen().contains("/direct"), seen());
  }

  @Test
  @Order(4)
  void vncTunnelsToTheLeasesX11vnc() throws Exception {
    CliRunner vnc = cli();
    CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> vnc.run("vnc", "--id", lease));
    try {
      await().atMost(WAIT).until(() -> vnc.out().contains("vnc: password:") || running.isDone());
      assertTrue(vnc.out().contains("vnc: password: " + LeaseBox.VNC_PASSWORD + "\n"), vnc.out() + vnc.err());
      Matcher local = Pattern.compile("vnc: 127\\.0\\.0\\.1:(\\d+) -> ").matcher(vnc.out());
      assertTrue(local.find(), vnc.out());
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(local.group(1))), 10_000);
        socket.setSoTimeout(20_000);
        InputStream in = socket.getInputStream();
        String banner = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertTrue(banner.startsWith("RFB 003."), "RFB handshake through the tunnel, got: " + banner);
      }
    } finally {
      vnc.shutdown().trigger();
    }
    assertEquals(ExitCodes.OK, running.get(60, TimeUnit.SECONDS).exitCode(), vnc.err());
  }

  @Test
  @Order(5)
  void theSupervisorRestartsAKilledBridge() {
    ProcessHandle supervisor = daemonFiles.runningSupervisor().orElseThrow();
    ProcessHandle bridge = supervisor.children().findFirst().orElseThrow();

    bridge.destroyForcibly();

    await().atMost(WAIT).until(() -> supervisor.children().anyMatch(child -> child.pid() != bridge.pid()));
    await().atMost(WAIT).until(() -> cli().run("egress", "status", "--id", lease).out()
        .contains("host=true client=true"));
    assertTrue(supervisor.isAlive());
  }

  @Test
  @Order(6)
  void stopLeavesNothingRunningOnEitherSide() throws Exception {
    ProcessHandle supervisor = daemonFiles.runningSupervisor().orElseThrow();
    List<ProcessHandle> bridges = supervisor.children().toList();
    long client = Long.parseLong(Files.readString(box.home.resolve(".cache/crabbox/egress/client.pid")).strip());
    assertTrue(ProcessHandle.of(client).isPresent(), "the lease client runs before the stop");

    CliRunner.Result stopped = cli().run("egress", "stop", "--id", lease);

    assertEquals(ExitCodes.OK, stopped.exitCode(), stopped.err());
    assertTrue(stopped.out().contains("stopped the local host daemon (pid " + supervisor.pid() + ")"), stopped.out());
    assertTrue(stopped.out().contains("stopped the egress client on "), stopped.out());
    assertFalse(supervisor.isAlive());
    bridges.forEach(bridge -> assertFalse(bridge.isAlive(), "host bridge " + bridge.pid()));
    assertEquals(Optional.empty(), ProcessHandle.of(client).filter(ProcessHandle::isAlive));
    assertFalse(lab.listening(lab.leaseNs, PROXY_PORT));
    assertFalse(Files.exists(daemonFiles.pid()));
  }

  @Test
  @Order(7)
  void aFatalBridgeErrorStopsTheDaemon() throws Exception {
    CliRunner.Result started = cli().run("egress", "start", "--id", lease, "--allow", lab.origin,
        "--allow-private-destinations", "--daemon");
    assertEquals(ExitCodes.OK, started.exitCode(), started.out() + started.err());
    ProcessHandle supervisor = daemonFiles.runningSupervisor().orElseThrow();

    // Releasing the lease ends its egress session: the bridge is told so (fatal) and must not come back.
    assertEquals(ExitCodes.OK, cli().run("stop", lease).exitCode());

    await().atMost(WAIT).until(() -> !supervisor.isAlive());
    String log = Files.readString(daemonFiles.log());
    assertTrue(log.contains("host bridge exited with 4 (fatal); not restarting"), log);
    assertFalse(Files.exists(daemonFiles.pid()));
  }

  private String seen() {
    try {
      return Files.readString(originRecord);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private CliEnvironment environment() {
    return new CliEnvironment(Map.of(), home, new ManualShutdownSignal());
  }

  private CliRunner cli() {
    return new CliRunner(home).env("CRABBOX_COORDINATOR", "http://" + lab.operatorToLease + ":" + coordinator.actualPort())
        .env("CRABBOX_TOKEN", coordinator.adminToken());
  }
}
