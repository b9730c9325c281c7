package dev.crabbox.coordinator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.crabbox.coordinator.store.H2Store;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.Bridge;
import dev.crabbox.coordinator.support.LeaseTestBase;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Undeploying the coordinator while an egress session has sockets: Vert.x undeploys the session
 * actors (its children) before it stops the coordinator itself, which must cope with that.
 */
class ShutdownTest extends LeaseTestBase {

  @Test
  void undeployClosesBridgeSocketsWith1001AndTheStore() throws IOException {
    Bridge bridge = connectBridge(V2, V1);

    assertDoesNotThrow(() -> Await.result(coordinator.undeploy()), "undeploy succeeds");

    bridge.expectClose(1001, "coordinator shutting down");
    assertEquals(Set.of(), coordinator.vertx().deploymentIDs(),
        "no session actor outlives the coordinator");
    // H2 holds a lock on its database file while open; this JVM could not take it otherwise.
    try (FileChannel database = FileChannel.open(coordinator.dataDir()
            .resolve(H2Store.DATABASE_NAME + ".mv.db"), StandardOpenOption.WRITE);
        FileLock lock = database.tryLock()) {
      assertNotNull(lock, "the store is closed");
    }
  }
}
