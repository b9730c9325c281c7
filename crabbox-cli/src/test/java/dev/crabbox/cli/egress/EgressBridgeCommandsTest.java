package dev.crabbox.cli.egress;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.TestCoordinator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code egress host} and {@code egress client} run in-process against a real coordinator: they
 * connect, print their banners, carry a request, and stop cleanly (exit 0) on the shutdown signal
 * or exit 4 on a fatal refusal.
 */
class EgressBridgeCommandsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern HOST_BANNER = Pattern.compile(
      "egress host: connected lease=(cbx_[0-9a-f]{12}) session=(egress_\\S+) profile=discord allow=127\\.0\\.0\\.1\\R");
  private static final Pattern CLIENT_BANNER = Pattern.compile(
      "egress client: connected lease=(cbx_[0-9a-f]{12}) session=(egress_\\S+) listen=127\\.0\\.0\\.1:(\\d+)\\R");

  @TempDir
  Path home;

  private final Vertx vertx = Vertx.vertx();
  private TestCoordinator coordinator;

  @BeforeEach
  void start() {
    coordinator = new TestCoordinator(home.resolve("coordinator-data"));
  }

  @AfterEach
  void stop() {
    coordinator.close();
    vertx.close().await();
  }

  private CliRunner operator() {
    return new CliRunner(home)
        .env("CRABBOX_COORDINATOR", coordinator.url())
        .env("CRABBOX_TOKEN", coordinator.adminToken());
  }

  private static CompletableFuture<CliRunner.Result> runAsync(CliRunner cli, String... args) {
    return CompletableFuture.supplyAsync(() -> cli.run(args));
  }

  private static Matcher awaitMatch(Pattern pattern, java.util.function.Supplier<String> text) {
    return await().atMost(WAIT).until(() -> {
      Matcher matcher = pattern.matcher(text.get());
      return matcher.find() ? Optional.of(matcher) : Optional.<Matcher>empty();
    }, Optional::isPresent).orElseThrow();
  }

  @Test
  void hostAndClientConnectCarryARequestAndStopCleanly() throws Exception {
    hostAndClientCarryARequest("v2");
  }

  @Test
  void aV1ClientInteroperatesWithAV2Host() throws Exception {
    hostAndClientCarryARequest("v1");
  }

  private void hostAndClientCarryARequest(String clientWire) throws Exception {
    HttpServer origin = vertx.createHttpServer()
        .requestHandler(request -> request.response().end("hello from the origin"))
        .listen(0, "127.0.0.1").await();
    String lease = coordinator.createLease().getString("slug");
    CliRunner host = operator();
    CliRunner client = operator();

    CompletableFuture<CliRunner.Result> hostRun = runAsync(host, "egress", "host", lease, "--profile", "discord",
        "--allow", "127.0.0.1", "--allow-private-destinations");
    Matcher hostBanner = awaitMatch(HOST_BANNER, host::out);
    CompletableFuture<CliRunner.Result> clientRun = runAsync(client, "egress", "client", "--id", lease,
        "--listen", "127.0.0.1:0", "--wire", clientWire);
    Matcher clientBanner = awaitMatch(CLIENT_BANNER, client::out);

    assertEquals(hostBanner.group(1), clientBanner.group(1), "same lease");
    assertEquals(hostBanner.group(2), clientBanner.group(2), "client joined the host's session");
    assertTrue(host.err().contains("crabbox: warning: private destinations allowed"), host.err());

    int proxyPort = Integer.parseInt(clientBanner.group(3));
    String body = vertx.createHttpClient(new HttpClientOptions()
            .setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP).setHost("127.0.0.1").setPort(proxyPort)))
        .request(HttpMethod.GET, origin.actualPort(), "127.0.0.1", "/")
        .compose(request -> request.send().compose(response -> response.body()))
        .await().toString();
    assertEquals("hello from the origin", body);

    CliRunner status = operator();
    assertEquals(ExitCodes.OK, status.run("egress", "status", lease).exitCode());
    assertTrue(status.out().contains(" host=true client=true allow=127.0.0.1"), status.out());

    client.shutdown().trigger();
    CliRunner.Result clientResult = clientRun.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(ExitCodes.OK, clientResult.exitCode(), clientResult.err());
    host.shutdown().trigger();
    CliRunner.Result hostResult = hostRun.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(ExitCodes.OK, hostResult.exitCode(), hostResult.err());
  }

  @Test
  void hostForAnUnknownLeaseExitsFour() {
    CliRunner.Result result = operator().run("egress", "host", "no-such-lease", "--profile", "slack");

    assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("crabbox: egress host: "), result.err());
    assertTrue(result.err().contains("404"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void clientWithARefusedTicketExitsFour() {
    String lease = coordinator.createLease().getString("slug");
    CliRunner client = new CliRunner(home).env("CRABBOX_COORDINATOR", coordinator.url());

    CliRunner.Result result = client.run("egress", "client", lease, "--listen", "127.0.0.1:0",
        "--ticket", "egress_00000000000000000000000000000000");

    assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("crabbox: egress client: "), result.err());
    assertTrue(result.err().contains("401"), result.err());
  }

  @Test
  void clientWhosePortIsTakenExitsFour() {
    NetServer taken = vertx.createNetServer().connectHandler(socket -> socket.close())
        .listen(0, "127.0.0.1").await();
    String lease = coordinator.createLease().getString("slug");

    CliRunner.Result result = operator().run("egress", "client", lease, "--listen",
        "127.0.0.1:" + taken.actualPort());

    assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("crabbox: egress client: cannot listen on 127.0.0.1:" + taken.actualPort()),
        result.err());
  }
}
