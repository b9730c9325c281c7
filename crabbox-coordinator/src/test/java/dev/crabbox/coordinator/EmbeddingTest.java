package dev.crabbox.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another application embeds the coordinator like any verticle: a plain Vert.x, the options,
 * one deploy call, and its own routes through a contributor.
 */
class EmbeddingTest {

  @Test
  void deploysIntoAPlainVertxWithContributedRoutes(@TempDir Path parent) throws Exception {
    Path dataDir = parent.resolve("fresh").resolve("coordinator");
    Vertx vertx = Vertx.vertx();
    try {
      CoordinatorVerticle coordinator = new CoordinatorVerticle(new CoordinatorOptions()
          .setPort(0)
          .setDataDir(dataDir)
          .addRouteContributor((router, services) -> {
            router.get("/hello").handler(ctx -> ctx.end("hello from " + services.options().getHost()));
            router.get("/broken").handler(ctx -> {
              throw new IllegalStateException("a bug in an embedding app");
            });
          }));
      Await.result(vertx.deployVerticle(coordinator));

      assertEquals("127.0.0.1", coordinator.baseUri().getHost());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
          dataDir.resolve(CoordinatorKeys.SIGNING_KEY_FILE))));
      assertEquals(coordinator.adminToken(),
          Files.readString(dataDir.resolve(CoordinatorKeys.ADMIN_TOKEN_FILE)).trim());

      WebClient client = WebClient.create(vertx);
      HttpResponse<Buffer> hello = Await.result(client.get(coordinator.actualPort(), "127.0.0.1", "/hello").send());
      assertEquals("hello from 127.0.0.1", hello.bodyAsString());
      HttpResponse<Buffer> broken = Await.result(client.get(coordinator.actualPort(), "127.0.0.1", "/broken").send());
      assertEquals(500, broken.statusCode());
      assertEquals(new JsonObject().put("error", "internal_error").put("message", "internal error"),
          broken.bodyAsJsonObject(), "no stack trace or exception text leaks");
      HttpResponse<Buffer> whoami = Await.result(client
          .get(coordinator.actualPort(), "127.0.0.1", "/v1/whoami")
          .bearerTokenAuthentication(coordinator.adminToken()).send());
      assertEquals(new JsonObject().put("owner", "admin").put("org", "").put("role", "admin"),
          whoami.bodyAsJsonObject());
      assertTrue(coordinator.keys().created());
    } finally {
      Await.result(vertx.close());
    }
  }
}
