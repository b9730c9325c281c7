package dev.crabbox.portal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.portal.support.PortalServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The share form changes exactly what {@code PUT /v1/leases/{id}/share} would. */
@ExtendWith(VertxExtension.class)
class SharePageTest {

  private PortalServer portal;
  private String token;
  private String session;
  private String lease;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    portal = PortalServer.start(vertx, dataDir);
    token = portal.token("alice", "acme");
    session = portal.login(token);
    lease = portal.lease(token, false, false, false).getString("slug");
  }

  @AfterEach
  void stop() {
    portal.stop();
  }

  private HttpResponse<Buffer> change(String... fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i], fields[i + 1]);
    }
    return portal.post("/portal/leases/" + lease + "/share", session, form);
  }

  private JsonObject shares() {
    return portal.coordinator().get("/v1/leases/" + lease + "/share", token).bodyAsJsonObject();
  }

  @Test
  void addSetOrgRemoveAndClear() {
    assertEquals(303, change("action", "add", "user", "bob", "access", "manage").statusCode());
    assertEquals(303, change("action", "add", "user", "carol", "access", "use").statusCode());
    assertEquals(303, change("action", "org", "access", "use").statusCode());
    assertEquals(new JsonObject("{\"users\":{\"bob\":\"manage\",\"carol\":\"use\"},\"org\":\"use\"}"),
        shares());
    assertEquals(303, change("action", "remove", "user", "bob").statusCode());
    assertEquals(303, change("action", "org", "access", "none").statusCode());
    assertEquals(new JsonObject("{\"users\":{\"carol\":\"use\"},\"org\":null}"), shares());
    assertEquals(303, change("action", "clear").statusCode());
    assertEquals(new JsonObject("{\"users\":{},\"org\":null}"), shares());
  }

  @Test
  void badInputShowsTheFormAgainWithTheReason() {
    HttpResponse<Buffer> response = change("action", "add", "user", "not a name", "access", "use");
    assertEquals(400, response.statusCode());
    String html = response.bodyAsString();
    assertTrue(html.contains("id=\"share-error\">not a user name: \"not a name\""), html);
    assertTrue(html.contains("id=\"share-add\""), "the form is still there");
    assertEquals(400, change("action", "add", "user", "bob", "access", "owner").statusCode());
    assertEquals(400, change("action", "explode").statusCode());
    assertEquals(new JsonObject("{\"users\":{},\"org\":null}"), shares(), "nothing changed");
  }
}
