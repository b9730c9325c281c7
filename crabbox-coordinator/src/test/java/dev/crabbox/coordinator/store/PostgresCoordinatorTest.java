package dev.crabbox.coordinator.store;

import static dev.crabbox.coordinator.support.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.coordinator.support.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A whole coordinator on the PostgreSQL store: its leases live in the server, not the data dir. */
@ExtendWith(VertxExtension.class)
class PostgresCoordinatorTest {

  private Vertx vertx;
  private PostgresUrl database;
  private TestCoordinator coordinator;

  @AfterEach
  void cleanUp() {
    if (coordinator != null) {
      coordinator.stop();
    }
    if (database != null) {
      result(TestPostgres.dropDatabase(vertx, database));
    }
  }

  @Test
  void aLeaseSurvivesARestartBecauseItLivesInPostgres(Vertx vertx, @TempDir Path dataDir) {
    this.vertx = vertx;
    database = result(TestPostgres.createDatabase(vertx));
    coordinator = TestCoordinator.start(vertx, dataDir, options -> options
        .setStore(StoreKind.POSTGRES)
        .setPostgresUrl(database));
    String alice = coordinator.token("alice", "acme");
    JsonObject created = coordinator.createLease(alice);

    coordinator.restart();

    HttpResponse<Buffer> found = coordinator.get("/v1/leases/" + created.getString("id"), alice);
    assertEquals(200, found.statusCode(), found.bodyAsString());
    assertEquals(created.getString("slug"), found.bodyAsJsonObject().getString("slug"));
    assertFalse(Files.exists(dataDir.resolve(H2Store.DATABASE_NAME + ".mv.db")),
        "no embedded database was made");
    PgStore direct = result(PgStore.open(vertx, database));
    try {
      assertEquals(created.getString("slug"),
          result(direct.findLease(created.getString("id"))).orElseThrow().slug());
    } finally {
      result(direct.close());
    }
  }
}
