package dev.crabbox.coordinator.provider.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.testing.TestKeys;
import dev.crabbox.coordinator.testing.TestSshClient;
import dev.crabbox.protocol.api.LeaseMachine;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator restart: the old provider closes, a new one on the same data directory reattaches. */
@ExtendWith(VertxExtension.class)
class LocalProviderReattachTest {

  private static final String LEASE = "cbx_00000000beef";

  @TempDir Path dataDir;
  private final KeyPair operatorKey = TestKeys.newKeyPair();
  private final TestSshClient ssh = new TestSshClient();
  private final ProvisionRequest request = LocalLeases.request(LEASE, operatorKey);

  @AfterEach
  void stop() {
    ssh.close();
  }

  /** Provisions a lease, leaves a file in it and shuts the provider down. */
  private Provisioned leaseBeforeRestart(Vertx vertx) throws Exception {
    LeaseProvider before = LocalLeases.provider(vertx, dataDir);
    Provisioned provisioned = Await.result(before.provision(request));
    assertEquals(0, ssh.exec(provisioned.machine().ssh(), operatorKey, "echo survived > note.txt").exitStatus());
    Await.result(before.close());
    return provisioned;
  }

  @Test
  void reattachServesTheSandboxAgainWithTheSameHostKeyAndPort(Vertx vertx) throws Exception {
    Provisioned before = leaseBeforeRestart(vertx);
    LeaseProvider after = LocalLeases.provider(vertx, dataDir);
    try {
      assertEquals(Optional.empty(), Await.result(after.reattach(request, before)));
      assertEquals("survived\n", ssh.exec(before.machine().ssh(), operatorKey, "cat note.txt").stdout());
      assertEquals(Optional.empty(), Await.result(after.reattach(request, before)), "already served");
    } finally {
      Await.result(after.close());
    }
  }

  @Test
  void reattachAnswersTheNewPortWhenTheOldOneIsTaken(Vertx vertx) throws Exception {
    Provisioned before = leaseBeforeRestart(vertx);
    LeaseMachine.Ssh old = before.machine().ssh();
    LeaseProvider after = LocalLeases.provider(vertx, dataDir);
    try (ServerSocket squatter = new ServerSocket(old.port(), 1, InetAddress.getLoopbackAddress())) {
      assertEquals(old.port(), squatter.getLocalPort());
      Optional<Provisioned> moved = Await.result(after.reattach(request, before));
      assertTrue(moved.isPresent());
      LeaseMachine.Ssh now = moved.get().machine().ssh();
      assertNotEquals(old.port(), now.port());
      assertEquals(new LeaseMachine.Ssh(old.host(), now.port(), old.user(), old.hostKey()), now);
      assertEquals(LEASE, moved.get().providerRef());
      assertEquals("survived\n", ssh.exec(now, operatorKey, "cat note.txt").stdout());
    } finally {
      Await.result(after.close());
    }
  }
}
