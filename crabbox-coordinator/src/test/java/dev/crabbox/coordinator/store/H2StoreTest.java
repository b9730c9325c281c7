package dev.crabbox.coordinator.store;

import dev.crabbox.coordinator.support.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class H2StoreTest extends CoordinatorStoreContract {

  private Vertx vertx;
  private H2Store store;

  @BeforeEach
  void open(Vertx vertx, @TempDir Path dir) {
    this.vertx = vertx;
    store = Await.result(H2Store.open(vertx, dir));
  }

  @AfterEach
  void close() {
    Await.result(store.close());
  }

  @Override
  Vertx vertx() {
    return vertx;
  }

  @Override
  CoordinatorStore store() {
    return store;
  }
}
