package dev.crabbox.coordinator.store;

import static dev.crabbox.coordinator.support.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a real PostgreSQL server (see {@link TestPostgres}), one fresh database
 * per test, plus what only a shared server can show: two stores (two coordinator nodes) racing.
 */
@ExtendWith(VertxExtension.class)
class PgStoreTest extends CoordinatorStoreContract {

  private Vertx vertx;
  private PostgresUrl database;
  private final List<PgStore> stores = new ArrayList<>();

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    database = result(TestPostgres.createDatabase(vertx));
    stores.add(result(PgStore.open(vertx, database)));
  }

  @AfterEach
  void close() {
    stores.forEach(store -> Await.result(store.close()));
    if (database != null) {
      result(TestPostgres.dropDatabase(vertx, database));
    }
  }

  @Override
  Vertx vertx() {
    return vertx;
  }

  @Override
  CoordinatorStore store() {
    return stores.get(0);
  }

  private PgStore secondNode() {
    PgStore second = result(PgStore.open(vertx, database));
    stores.add(second);
    return second;
  }

  @Test
  void aTicketPresentedToTwoNodesAtOnceIsConsumedExactlyOnce() {
    PgStore other = secondNode();
    result(store().insertLease(lease("cbx_0000000000p1", "p-p", "alice", "acme")));
    int tickets = 25;
    List<Future<Optional<TicketRecord>>> claims = new ArrayList<>();
    for (int i = 0; i < tickets; i++) {
      result(store().insertTicket(ticket("t" + i, "cbx_0000000000p1", BridgeRole.CLIENT,
          T0.plusSeconds(120))));
    }
    for (int i = 0; i < tickets; i++) {
      for (CoordinatorStore node : List.of(store(), other, store(), other)) {
        claims.add(node.consumeTicket("t" + i, "cbx_0000000000p1", BridgeRole.CLIENT, T0));
      }
    }
    result(Future.all(claims));
    assertEquals(tickets, claims.stream().filter(claim -> claim.result().isPresent()).count());
  }

  @Test
  void aResumeSecretPresentedToTwoNodesAtOnceIsConsumedExactlyOnce() {
    PgStore other = secondNode();
    result(store().insertLease(lease("cbx_0000000000p2", "p-q", "alice", "acme")));
    int secrets = 25;
    for (int i = 0; i < secrets; i++) {
      result(other.insertResumeSecret(new ResumeSecretRecord("s" + i, "cbx_0000000000p2",
          "egress_s", BridgeRole.HOST, null, T0, null)));
    }
    List<Future<Optional<ResumeSecretRecord>>> claims = new ArrayList<>();
    for (int i = 0; i < secrets; i++) {
      for (CoordinatorStore node : List.of(other, store(), other, store())) {
        claims.add(node.consumeResumeSecret("s" + i, "cbx_0000000000p2", BridgeRole.HOST, T0));
      }
    }
    result(Future.all(claims));
    assertEquals(secrets, claims.stream().filter(claim -> claim.result().isPresent()).count());
  }

  @Test
  void nodesStartingTogetherMigrateOnceAndShareOneSchema() {
    PostgresUrl fresh = result(TestPostgres.createDatabase(vertx));
    try {
      List<PgStore> opened = result(Future.all(PgStore.open(vertx, fresh), PgStore.open(vertx, fresh),
          PgStore.open(vertx, fresh))).list();
      stores.addAll(opened);
      result(opened.get(0).insertLease(lease("cbx_0000000000p3", "p-r", "alice", "acme")));
      assertEquals("p-r", result(opened.get(2).findLease("cbx_0000000000p3")).orElseThrow().slug());
    } finally {
      stores.forEach(store -> Await.result(store.close()));
      stores.clear();
      result(TestPostgres.dropDatabase(vertx, fresh));
    }
  }
}
