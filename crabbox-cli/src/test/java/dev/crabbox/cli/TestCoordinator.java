package dev.crabbox.cli;

import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** A real coordinator on a free loopback port with its data in a temporary directory. */
public final class TestCoordinator implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final CoordinatorVerticle verticle;

  public TestCoordinator(Path dataDir) {
    verticle = new CoordinatorVerticle(new CoordinatorOptions().setPort(0).setDataDir(dataDir));
    vertx.deployVerticle(verticle).await();
  }

  public String url() {
    return "http://127.0.0.1:" + verticle.actualPort();
  }

  public String adminToken() {
    return verticle.adminToken();
  }

  /** A CLI runner whose environment points at this coordinator with the admin token. */
  public CliRunner cli(Path home) {
    return new CliRunner(home).env("CRABBOX_COORDINATOR", url()).env("CRABBOX_TOKEN", adminToken());
  }

  /** Creates a manual lease as the admin and returns its JSON (id, slug, ...). */
  public JsonObject createLease() {
    return createLease(new JsonObject());
  }

  /** Creates a lease from a {@code POST /v1/leases} body (labels, ttl, ...) as the admin. */
  public JsonObject createLease(JsonObject body) {
    CoordinatorClient client = new CoordinatorClient(vertx, URI.create(url()), adminToken(), ClientTls.system());
    return client.createLease(body).await();
  }

  /** Mints a host ticket (which starts a session carrying profile and allow) as the admin. */
  public void mintHostTicket(String lease, String profile, List<String> allow) {
    CoordinatorClient client = new CoordinatorClient(vertx, URI.create(url()), adminToken(), ClientTls.system());
    client.mintEgressTicket(lease, "host", null, profile, allow).await();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
