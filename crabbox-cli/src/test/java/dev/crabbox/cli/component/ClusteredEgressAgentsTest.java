package dev.crabbox.cli.component;

import static dev.crabbox.cli.component.ComponentRig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.agent.testing.ProxiedHttp;
import dev.crabbox.cli.demo.LocalEgressRig;
import dev.crabbox.coordinator.cluster.TestCluster;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agents against a three-node coordinator cluster (each node its own JVM, one
 * PostgreSQL), each agent behind a balancer as an operator would run them: the egress host
 * reaches node 1 (else node 2), the lease proxy node 3 (else node 2). A browser request through
 * the lease proxy reaches a loopback origin across nodes; after {@code kill -9} of node 1, the
 * session's owner, the agents reconnect on their own (resume secrets, backoff) and requests flow
 * again.
 */
class ClusteredEgressAgentsTest {

  @Test
  void requestsFlowAcrossNodesAndAgainAfterTheOwnerIsKilled(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (TestCluster cluster = TestCluster.start(vertx, dir, 3, "clustered-egress-agents-test")) {
      FailoverBalancer hostSide = new FailoverBalancer(vertx, List.of(cluster.port(1), cluster.port(2)));
      FailoverBalancer leaseSide = new FailoverBalancer(vertx, List.of(cluster.port(3), cluster.port(2)));
      URI hostBalancer = URI.create("http://127.0.0.1:" + await(hostSide.start()));
      URI leaseBalancer = URI.create("http://127.0.0.1:" + await(leaseSide.start()));
      HttpOrigin origin = await(HttpOrigin.plain(vertx, "plain").start());
      LocalEgressRig rig = await(LocalEgressRig.onNodes(vertx, hostBalancer, leaseBalancer,
          cluster.adminToken(), LocalEgressRig.Settings.loopback(WireVersion.V2)));
      HttpClient browser = ProxiedHttp.client(rig.proxyPort());
      HttpRequest page = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + origin.port() + "/page")).timeout(Duration.ofSeconds(5))
          .build();

      HttpResponse<String> first = browser.send(page, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, first.statusCode(), first.body());
      assertEquals("plain GET /page body=0\n", first.body());

      long killed = System.nanoTime();
      cluster.kill(1);
      Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(() -> browser.send(page, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      System.out.println("real agents: requests flow again " + Duration.ofNanos(
          System.nanoTime() - killed).toMillis() + " ms after kill -9 of the owner node");

      await(rig.stop());
      await(hostSide.stop());
      await(leaseSide.stop());
    } finally {
      await(vertx.close());
    }
  }
}
