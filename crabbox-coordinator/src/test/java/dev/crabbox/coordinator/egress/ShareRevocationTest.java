package dev.crabbox.coordinator.egress;

import static dev.crabbox.coordinator.support.TestCoordinator.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.LeaseTestBase;
import dev.crabbox.coordinator.support.TestPeer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Egress sockets live only as long as their ticket's minter manages the lease: removing or
 * lowering a share closes that user's sockets with 1008, the owner's stay up.
 */
class ShareRevocationTest extends LeaseTestBase {

  private String bob;

  @BeforeEach
  void shareWithBob() {
    bob = coordinator.token("bob", "globex");
    share(new JsonObject().put("users", new JsonObject().put("bob", "manage")));
  }

  private void share(JsonObject shares) {
    HttpResponse<Buffer> response = coordinator.request(HttpMethod.PUT,
        "/v1/leases/" + lease + "/share", alice, shares);
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  /**
   * The owner's client is paired with bob's host: it loses its partner (1011, reconnect), not its
   * access (that would be 1008, sent in the same pass as bob's), and pairs again with the owner's
   * own host.
   */
  @Test
  void removingAManageShareClosesThatUsersHostSocketAndNotTheOwners() {
    TestPeer bobsHost = coordinator.connectPeer(bob, lease, "host", V2);
    TestPeer alicesClient = coordinator.connectPeer(alice, lease, "client", V2);
    awaitConnected(true, true);

    share(new JsonObject());

    bobsHost.expectClose(1008, "lease access revoked");
    alicesClient.expectClose(1011, "egress host disconnected");
    resume("client", alicesClient.resumeSecret());
    coordinator.connectPeer(alice, lease, "host", V2);
    awaitConnected(true, true);
  }

  private TestPeer resume(String role, String secret) {
    return TestPeer.of(Await.result(coordinator.connect(lease, role,
        Map.of("X-Crabbox-Resume-Secret", secret), null, V2)));
  }

  @Test
  void loweringAManageShareToUseClosesTheEgressSocket() {
    TestPeer bobsClient = coordinator.connectPeer(bob, lease, "client", V1);
    awaitConnected(false, true);

    share(new JsonObject().put("users", new JsonObject().put("bob", "use")));

    bobsClient.expectClose(1008, "lease access revoked");
  }

  @Test
  void aSocketResumedWithItsSecretStillBelongsToTheTicketsMinterAndCannotResumeOnceRevoked() {
    TestPeer first = coordinator.connectPeer(bob, lease, "host", V2);
    awaitConnected(true, false);
    Await.result(first.close());
    awaitConnected(false, false);
    TestPeer resumed = resume("host", first.resumeSecret());
    awaitConnected(true, false);

    share(new JsonObject());

    resumed.expectClose(1008, "lease access revoked");
    assertRefused(coordinator.connect(lease, "host",
        Map.of("X-Crabbox-Resume-Secret", resumed.resumeSecret()), null, V2), 403, "forbidden");
  }

  /** Carol loses her share, bob keeps his: only carol's socket is revoked, bob's loses its partner. */
  @Test
  void onlyTheUserWhoLostAccessIsClosed() {
    share(new JsonObject().put("users", new JsonObject().put("bob", "manage")
        .put("carol", "manage")));
    TestPeer bobsHost = coordinator.connectPeer(bob, lease, "host", V2);
    TestPeer carolsClient = coordinator.connectPeer(coordinator.token("carol", "initech"), lease,
        "client", V2);
    awaitConnected(true, true);

    share(new JsonObject().put("users", new JsonObject().put("bob", "manage")));

    carolsClient.expectClose(1008, "lease access revoked");
    bobsHost.expectClose(1011, "egress client disconnected");
  }
}
