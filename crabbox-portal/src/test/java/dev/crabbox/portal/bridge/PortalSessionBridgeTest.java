package dev.crabbox.portal.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.portal.support.PortalServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VNC and code bridges as the portal mounts them by default: behind the portal's session
 * cookie (not a bearer token) and the lease's access rule.
 */
@ExtendWith(VertxExtension.class)
class PortalSessionBridgeTest {

  private PortalServer portal;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    portal = PortalServer.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    portal.stop();
  }

  @Test
  void withoutASessionTheBridgePagesSendYouToTheLoginPage() {
    String alice = portal.token("alice", "acme");
    String slug = portal.lease(alice, true, false, true).getString("slug");
    for (String path : new String[] {"/portal/leases/" + slug + "/vnc",
        "/portal/leases/" + slug + "/code/"}) {
      HttpResponse<Buffer> anonymous = portal.get(path, null);
      assertEquals(303, anonymous.statusCode(), path);
      assertTrue(anonymous.getHeader("Location").startsWith("/portal/login"), path);
      // A bearer token is an API credential, not a portal session.
      HttpResponse<Buffer> bearer = portal.get(path, null,
          Map.of("Authorization", "Bearer " + alice));
      assertEquals(303, bearer.statusCode(), path);
    }
  }

  @Test
  void aSessionReachesTheBridgeWhichAppliesTheLeaseRules() {
    String alice = portal.token("alice", "acme");
    String slug = portal.lease(alice, true, false, false).getString("slug");
    String aliceSession = portal.login(alice);
    String strangerSession = portal.login(portal.token("mallory", "evil"));

    // No agent runs for the lease yet: the bridge itself answers, with its own reason.
    HttpResponse<Buffer> page = portal.get("/portal/leases/" + slug + "/vnc", aliceSession);
    assertEquals(200, page.statusCode(), page.bodyAsString());
    assertEquals(404, portal.get("/portal/leases/" + slug + "/vnc", strangerSession).statusCode());
    // The lease was made without code: the code bridge refuses with the capability message.
    HttpResponse<Buffer> code = portal.get("/portal/leases/" + slug + "/code/", aliceSession);
    assertEquals(409, code.statusCode(), code.bodyAsString());
    assertTrue(code.bodyAsString().contains("was not created with code=true"), code.bodyAsString());
  }
}
