package dev.crabbox.cli.work;

import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A real coordinator on loopback whose {@code static} and {@code hetzner} providers hand out
 * MINA SSH hosts ({@link SshHostProvider}), and a CLI pointed at it with the admin token.
 */
final class WorkflowRig implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final CoordinatorVerticle verticle;
  private final CoordinatorClient client;
  private final HttpClient http;
  private final Path home;

  WorkflowRig(Path dir, String hostProfile) {
    Path hosts = dir.resolve("hosts");
    verticle = new CoordinatorVerticle(new CoordinatorOptions().setPort(0).setDataDir(dir.resolve("data"))
        .setProviderFactories(List.of(
            SshHostProvider.factory(ProviderSpec.STATIC, hosts, hostProfile),
            SshHostProvider.factory(ProviderSpec.HETZNER, hosts, hostProfile))));
    vertx.deployVerticle(verticle).await();
    client = new CoordinatorClient(vertx, URI.create(url()), verticle.adminToken(), ClientTls.system());
    http = vertx.createHttpClient();
    home = dir.resolve("home");
  }

  String url() {
    return "http://127.0.0.1:" + verticle.actualPort();
  }

  /** A CLI with this coordinator, the admin token and its own home (so its own SSH key). */
  CliRunner cli() {
    return new CliRunner(home).env("CRABBOX_COORDINATOR", url()).env("CRABBOX_TOKEN", verticle.adminToken());
  }

  /** The public key line of the CLI's operator key (created on first use), for leases made directly. */
  String operatorKeyLine() {
    return OperatorKey.loadOrCreate(home.resolve(".config/crabbox/ssh/id_ed25519")).publicLine();
  }

  CoordinatorClient client() {
    return client;
  }

  /** {@code GET path} as the admin, the body as text. */
  String get(String path) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(verticle.actualPort()).setURI(path)
        .putHeader("Authorization", "Bearer " + verticle.adminToken());
    return http.request(request)
        .compose(req -> req.send().compose(response -> response.body()))
        .map(Buffer::toString)
        .await();
  }

  JsonObject getJson(String path) {
    return new JsonObject(get(path));
  }

  /** The only run recorded on {@code lease}. */
  JsonObject onlyRun(String lease) {
    var runs = getJson("/v1/leases/" + lease + "/runs").getJsonArray("runs");
    if (runs.size() != 1) {
      throw new AssertionError("expected one run on " + lease + ", got " + runs.encode());
    }
    return getJson("/v1/runs/" + runs.getJsonObject(0).getString("id"));
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
