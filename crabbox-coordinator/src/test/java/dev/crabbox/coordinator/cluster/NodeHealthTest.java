package dev.crabbox.coordinator.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.support.Await;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** A node whose store does not answer reports itself unavailable (the balancer drops it). */
class NodeHealthTest {

  @Test
  void aStoreThatFailsMakesTheNodeUnavailable() {
    // Every store call fails, as when PostgreSQL is unreachable.
    CoordinatorStore down = (CoordinatorStore) Proxy.newProxyInstance(
        CoordinatorStore.class.getClassLoader(), new Class<?>[] {CoordinatorStore.class},
        (proxy, method, args) -> Future.failedFuture("connection refused"));
    JsonObject health = Await.result(NodeHealth.of(down, null).get());
    assertEquals("unavailable", health.getString("status"));
    assertEquals("unavailable", health.getString("store"));
    assertEquals(NodeHealth.SINGLE_NODE, health.getString("nodeId"));
  }
}
