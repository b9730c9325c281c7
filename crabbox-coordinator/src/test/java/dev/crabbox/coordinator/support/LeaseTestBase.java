package dev.crabbox.coordinator.support;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;

/** {@link CoordinatorTestBase} plus one active manual lease of alice's, each test's subject. */
public abstract class LeaseTestBase extends CoordinatorTestBase {

  /** Wire versions for {@link #connectBridge}: v1 JSON text or v2 binary frames. */
  protected static final boolean V1 = false;
  protected static final boolean V2 = true;

  protected String lease;

  /** Runs after the coordinator started (JUnit runs a superclass's {@code @BeforeEach} first). */
  @BeforeEach
  protected final void createLease() {
    lease = coordinator.createLeaseId(alice);
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code GET …/egress/status} of the lease, as alice. */
  protected JsonObject egressStatus() {
    return coordinator.get("/v1/leases/" + lease + "/egress/status", alice).bodyAsJsonObject();
  }

  /**
   * Connects a host, then a client, each with a fresh ticket of alice's, and waits until the
   * session reports both connected (paired).
   */
  protected Bridge connectBridge(boolean hostV2, boolean clientV2) {
    Bridge bridge = new Bridge(coordinator.connectPeer(alice, lease, "host", hostV2),
        coordinator.connectPeer(alice, lease, "client", clientV2));
    awaitConnected(true, true);
    return bridge;
  }

  /** Waits until the egress status reports exactly these bridge sockets connected. */
  protected void awaitConnected(boolean host, boolean client) {
    await().until(() -> {
      JsonObject status = egressStatus();
      return status.getBoolean("hostConnected") == host
          && status.getBoolean("clientConnected") == client;
    });
  }
}
