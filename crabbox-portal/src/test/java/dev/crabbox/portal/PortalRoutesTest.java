package dev.crabbox.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class PortalRoutesTest {

  @Test
  void theCoordinatorServesThePortalPlaceholder(Vertx vertx, @TempDir Path dataDir) throws Exception {
    CoordinatorVerticle coordinator = new CoordinatorVerticle(new CoordinatorOptions()
        .setPort(0).setDataDir(dataDir).setPublicUrl("https://crabbox.example/<x>")
        .addRouteContributor(new PortalRoutes()));
    String deployment = vertx.deployVerticle(coordinator).await(20, TimeUnit.SECONDS);
    try {
      HttpResponse<Buffer> page = WebClient.create(vertx)
          .get(coordinator.actualPort(), "127.0.0.1", PortalRoutes.PATH).send()
          .await(20, TimeUnit.SECONDS);
      assertEquals(200, page.statusCode());
      assertTrue(page.getHeader("Content-Type").startsWith("text/html"));
      String html = page.bodyAsString();
      assertTrue(html.contains("<h1>Crabbox portal</h1>"), html);
      assertTrue(html.contains("https://crabbox.example/&lt;x&gt;"), html);
      assertFalse(html.contains("<x>"), html);
    } finally {
      vertx.undeploy(deployment).await(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void escapesEveryHtmlMetacharacter() {
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
        Html.escape("<a href=\"x\" title='y'>&</a>"));
    assertEquals("", Html.escape(null));
    assertFalse(PortalRoutes.render("<script>alert(1)</script>").contains("<script>"));
  }
}
