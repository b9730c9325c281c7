package dev.crabbox.coordinator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Bridge;
import dev.crabbox.coordinator.support.LeaseTestBase;
import dev.crabbox.protocol.frame.Frame;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /metrics} counts the bridge's work; {@code /v1/health} names the node and the store. */
class MetricsAndHealthTest extends LeaseTestBase {

  @Test
  void countsTicketsSessionsStreamsAndBytes() {
    Bridge bridge = connectBridge(V2, V2);
    bridge.open(1, "example.com", 443);
    bridge.host().send(new Frame.OpenOk(1));
    bridge.client().expect(new Frame.OpenOk(1));
    bridge.host().send(new Frame.Data(1, new byte[50_000]));
    bridge.client().expect(new Frame.Data(1, new byte[50_000]));

    assertEquals(2, metric("crabbox_egress_tickets_issued_total"));
    assertEquals(2, metric("crabbox_egress_tickets_consumed_total"));
    assertEquals(1, metric("crabbox_egress_sessions_total"));
    assertEquals(1, metric("crabbox_egress_streams_total"));
    assertTrue(metric("crabbox_egress_relayed_bytes_total") > 50_000);
    assertEquals(0, metric("crabbox_egress_cross_node_relays_total"));
  }

  @Test
  void healthNamesASingleNodeAndItsStore() {
    JsonObject health = coordinator.get("/v1/health", null).bodyAsJsonObject();
    assertEquals("ok", health.getString("status"));
    assertEquals("single", health.getString("nodeId"));
    assertEquals(1, health.getInteger("clusterSize"));
    assertEquals("ok", health.getString("store"));
  }

  private double metric(String name) {
    HttpResponse<Buffer> response = coordinator.get("/metrics", null);
    assertEquals(200, response.statusCode());
    assertTrue(response.getHeader("content-type").startsWith("text/plain"));
    return response.bodyAsString().lines().filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
        .findFirst().orElseThrow(() -> new AssertionError(name + " missing from /metrics"));
  }
}
