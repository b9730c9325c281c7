package dev.crabbox.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.agent.host.EgressHostVerticle;
import dev.crabbox.agent.proxy.LeaseProxyVerticle;
import dev.crabbox.agent.testing.EgressRig;
import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.agent.testing.ProxiedHttp;
import dev.crabbox.agent.testing.TestRelay;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Another application embeds the agents: a plain {@code Vertx.vertx()}, two deployVerticle
 * calls, an undeploy — nothing from the CLI. The coordinator here speaks wss with a private CA.
 */
class EmbeddingTest {

  @Test
  void bothVerticlesDeployIntoAPlainVertxOverWssWithAPrivateCa() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      TestRelay relay = TestRelay.tls(vertx).start().await();
      HttpOrigin origin = HttpOrigin.plain(vertx, "embedded").start().await();
      ClientTls tls = ClientTls.caFile(Path.of(relay.certificatePath()));

      EgressHostVerticle host = new EgressHostVerticle(EgressRig.hostOptions(relay).setClientTls(tls));
      LeaseProxyVerticle proxy = new LeaseProxyVerticle(EgressRig.proxyOptions(relay).setClientTls(tls));
      String hostDeployment = vertx.deployVerticle(host).await();
      String proxyDeployment = vertx.deployVerticle(proxy).await();
      host.connected().await();
      proxy.connected().await();

      HttpClient client = ProxiedHttp.client(proxy.actualPort());
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create("http://embedded.test:" + origin.port() + "/hi")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("embedded GET /hi body=0\n", response.body());

      vertx.undeploy(proxyDeployment).await();
      vertx.undeploy(hostDeployment).await();
      assertEquals(0, vertx.deploymentIDs().size());
    } finally {
      vertx.close().await();
    }
  }
}
