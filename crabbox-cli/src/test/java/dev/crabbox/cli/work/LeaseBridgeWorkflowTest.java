package dev.crabbox.cli.work;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.runtime.ManualShutdownSignal;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.testing.TestSshHost;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crabbox webvnc} and {@code crabbox code} against the coordinator's real {@code static}
 * provider and an operator's SSH host ({@link TestSshHost}, commands run by a real shell here):
 * the carried agent jar is uploaded, the lease bridge agent starts detached and connects, and
 * the portal URL is printed; releasing the lease ends the agent.
 */
@Timeout(120)
class LeaseBridgeWorkflowTest {
  @TempDir
  Path dir;

  @Test
  void webvncStartsTheLeaseBridgeAgentAndPrintsThePortalUrl() throws Exception {
    Path home = dir.resolve("home");
    CliEnvironment environment = new CliEnvironment(Map.of(), home, new ManualShutdownSignal());
    OperatorKey key = OperatorKey.resolve(environment.settings());
    Vertx vertx = Vertx.vertx();
    Path box = Files.createDirectories(dir.resolve("box"));
    try (TestSshHost host = TestSshHost.start(key.publicLine(), box)) {
      JsonObject providers = host.staticProvidersConfig("box1");
      CoordinatorVerticle coordinator = new CoordinatorVerticle(new CoordinatorOptions().setPort(0)
          .setDataDir(dir.resolve("data")).setProvidersConfig(providers));
      vertx.deployVerticle(coordinator).await();
      String url = "http://127.0.0.1:" + coordinator.actualPort();
      CliRunner.Result warm = cli(home, url, coordinator).run("warmup", "--static-host", "box1",
          "--poll-interval", "100ms");
      assertEquals(ExitCodes.OK, warm.exitCode(), warm.err());
      String lease = warm.out().trim().split(" ")[0];
      WebClient http = WebClient.create(vertx);
      JsonObject view = get(http, coordinator, "/v1/leases/" + lease).bodyAsJsonObject();

      CliRunner.Result webvnc = cli(home, url, coordinator).run("webvnc", "--id", lease);
      assertEquals(ExitCodes.OK, webvnc.exitCode(), webvnc.err());
      assertTrue(webvnc.out().contains(url + "/portal/leases/" + view.getString("slug") + "/vnc\n"), webvnc.out());
      assertTrue(bridges(http, coordinator, lease).getJsonObject("vnc").getBoolean("agentConnected"));
      assertTrue(Files.list(box.resolve(".cache/crabbox/agent")).anyMatch(p -> p.toString().endsWith(".jar")),
          "the helper jar sits in the lease user's cache");
      assertTrue(Files.notExists(box.resolve(".cache/crabbox/bridge-vnc/helper.ticket")),
          "the one-use ticket does not stay on the lease");

      CliRunner.Result code = cli(home, url, coordinator).run("code", "--id", lease);
      assertEquals(ExitCodes.FATAL, code.exitCode(), code.err());
      assertTrue(code.err().contains("was not created with code=true"), code.err());

      assertEquals(ExitCodes.OK, cli(home, url, coordinator).run("stop", lease).exitCode());
      // The lease ended: the coordinator closed the agent with 1008, and it exits for good.
      await().atMost(Duration.ofSeconds(30)).until(() -> !agentRunning(box));
    } finally {
      // A failed run must not leave the helper retrying in the background.
      agent(box).ifPresent(ProcessHandle::destroy);
      vertx.close().await();
    }
  }

  /** The helper process the pid file names, while it is alive. */
  private static Optional<ProcessHandle> agent(Path box) throws Exception {
    Path pid = box.resolve(".cache/crabbox/bridge-vnc/helper.pid");
    if (Files.notExists(pid)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).filter(ProcessHandle::isAlive);
  }

  /** True while the pid file names a live process. */
  private static boolean agentRunning(Path box) throws Exception {
    return agent(box).isPresent();
  }

  private static JsonObject bridges(WebClient http, CoordinatorVerticle coordinator, String lease) {
    return get(http, coordinator, "/v1/leases/" + lease + "/bridges").bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> get(WebClient http, CoordinatorVerticle coordinator, String path) {
    return http.get(coordinator.actualPort(), "127.0.0.1", path).bearerTokenAuthentication(coordinator.adminToken())
        .send().await();
  }

  private static CliRunner cli(Path home, String url, CoordinatorVerticle coordinator) {
    return new CliRunner(home).env("CRABBOX_COORDINATOR", url).env("CRABBOX_TOKEN", coordinator.adminToken());
  }
}
