package dev.crabbox.cli.egress.start;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.runtime.ManualShutdownSignal;
import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code egress start --daemon} and {@code egress stop} against a static lease whose SSH host runs
 * commands on this machine: the helper jar is uploaded once, the detached client listens, the
 * supervised host bridge connects, traffic flows, and stop leaves nothing running.
 */
@Timeout(240)
class EgressStartTest {
  @TempDir
  Path dir;

  @Test
  void startDaemonCarriesTrafficAndStopLeavesNothingRunning() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (StaticLeaseRig rig = new StaticLeaseRig(dir)) {
      HttpOrigin origin = HttpOrigin.plain(vertx, "origin").start().await();
      int proxyPort = freePort();
      String listen = "127.0.0.1:" + proxyPort;

      CliRunner.Result started = rig.cli().run("egress", "start", "--id", rig.lease, "--allow", "127.0.0.1",
          "--allow-private-destinations", "--listen", listen, "--daemon");

      assertEquals(ExitCodes.OK, started.exitCode(), started.out() + started.err());
      assertTrue(started.out().contains("egress start: lease proxy listening on " + listen), started.out());
      assertTrue(started.out().contains("host=true client=true"), started.out());
      assertTrue(started.out().contains("next: crabbox desktop launch --id "), started.out());
      try (var jars = Files.list(rig.box.resolve(".cache/crabbox/agent"))) {
        assertEquals(1, jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).count());
      }
      assertFalse(Files.exists(rig.box.resolve(".cache/crabbox/egress/client.ticket")), "the ticket file is gone");

      HttpResponse<String> answer = HttpClient.newBuilder()
          .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort))).build()
          .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + origin.port() + "/through")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode());
      assertTrue(answer.body().startsWith("origin GET /through"), answer.body());

      CliRunner.Result again = rig.cli().run("egress", "start", "--id", rig.lease, "--allow", "127.0.0.1",
          "--listen", listen, "--daemon");
      assertEquals(ExitCodes.USAGE, again.exitCode());
      assertTrue(again.err().contains("is already running (pid "), again.err());

      DaemonFiles files = DaemonFiles.of(new CliEnvironment(Map.of(), rig.home, new ManualShutdownSignal()),
          leaseId(rig));
      ProcessHandle supervisor = files.runningSupervisor().orElseThrow();

      CliRunner.Result stopped = rig.cli().run("egress", "stop", "--id", rig.lease);
      assertEquals(ExitCodes.OK, stopped.exitCode(), stopped.err());
      assertTrue(stopped.out().contains("stopped the local host daemon (pid " + supervisor.pid() + ")"),
          stopped.out());
      assertTrue(stopped.out().contains("stopped the egress client on "), stopped.out());
      assertFalse(supervisor.isAlive());
      assertFalse(listening(proxyPort), "the lease proxy is gone");

      CliRunner.Result idle = rig.cli().run("egress", "stop", "--id", rig.lease);
      assertEquals(ExitCodes.OK, idle.exitCode(), idle.err());
      assertTrue(idle.out().contains("no local host daemon was running"), idle.out());
      assertTrue(idle.out().contains("no egress client was running"), idle.out());
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aClientThatCannotListenIsReportedWithItsLog() throws Exception {
    try (StaticLeaseRig rig = new StaticLeaseRig(dir);
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRunner.Result result = rig.cli().run("egress", "start", "--id", rig.lease, "--allow", "example.com",
          "--listen", "127.0.0.1:" + taken.getLocalPort(), "--daemon");

      assertEquals(ExitCodes.FATAL, result.exitCode(), result.out());
      assertTrue(result.err().startsWith("crabbox: remote egress client did not listen"), result.err());
      assertTrue(result.err().contains("crabbox ssh --id " + rig.lease + "\n  cat /tmp/crabbox-egress-client.log"),
          result.err());
      assertTrue(result.err().contains("Last lines of /tmp/crabbox-egress-client.log:"), result.err());
    }
  }

  @Test
  void inTheForegroundTheHostBridgeRunsUntilCtrlC() throws Exception {
    try (StaticLeaseRig rig = new StaticLeaseRig(dir)) {
      CliRunner cli = rig.cli();
      String listen = "127.0.0.1:" + freePort();
      CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> cli.run("egress", "start",
          "--id", rig.lease, "--profile", "slack", "--listen", listen));

      await().atMost(Duration.ofSeconds(90)).until(() -> cli.out().contains("egress host: connected") || running.isDone());
      assertTrue(cli.out().contains("running the host bridge in the foreground; Ctrl-C stops it"), cli.out());
      assertTrue(cli.out().contains("profile=slack"), cli.out());
      cli.shutdown().trigger();

      assertEquals(ExitCodes.OK, running.get(60, TimeUnit.SECONDS).exitCode(), cli.err());
    }
  }

  @Test
  void tailscaleNeedsATailnetAddressOnTheLease() throws Exception {
    try (StaticLeaseRig rig = new StaticLeaseRig(dir)) {
      CliRunner.Result result = rig.cli().run("egress", "start", "--id", rig.lease, "--profile", "slack",
          "--network", "tailscale");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.out());
      assertTrue(result.err().startsWith("crabbox: --network tailscale: lease cbx_"), result.err());
      assertTrue(result.err().endsWith(" has no tailnet address; use --network public (or auto)\n"), result.err());
    }
  }

  @Test
  void theLeaseClientTrustsThePrivateCaOfAnHttpsCoordinator() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    try (StaticLeaseRig rig = new StaticLeaseRig(dir, certificate)) {
      CliRunner.Result started = rig.run("egress", "start", "--id", rig.lease, "--profile", "slack",
          "--listen", "127.0.0.1:" + freePort(), "--daemon");

      assertEquals(ExitCodes.OK, started.exitCode(), started.out() + started.err());
      assertTrue(started.out().contains("host=true client=true"), started.out());
      assertTrue(Files.exists(rig.box.resolve(".cache/crabbox/egress/coordinator-ca.pem")));
    } finally {
      certificate.delete();
    }
  }

  private static String leaseId(StaticLeaseRig rig) {
    String out = rig.cli().run("status", rig.lease).out();
    int at = out.indexOf("cbx_");
    return out.substring(at).split("\\s")[0];
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Duration.ofSeconds(2).toMillis());
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
