package dev.crabbox.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.SelfSignedPem;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.Frame;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tls-cert/--tls-key}: the API over https and the bridge over wss. */
@ExtendWith(VertxExtension.class)
class TlsTest {

  @Test
  void servesHttpsAndWss(Vertx vertx, @TempDir Path dataDir, @TempDir Path tlsDir) throws Exception {
    SelfSignedPem pem = SelfSignedPem.create(tlsDir);
    TestCoordinator coordinator = TestCoordinator.start(vertx, dataDir, options -> options
        .setTlsCertPath(pem.cert()).setTlsKeyPath(pem.key()));
    try {
      assertEquals("https", coordinator.verticle().baseUri().getScheme());

      // A client that trusts exactly this certificate and checks the host name.
      WebClient verifying = WebClient.create(vertx, new WebClientOptions().setSsl(true)
          .setVerifyHost(true).setTrustOptions(new PemTrustOptions().addCertValue(
              Buffer.buffer(Files.readString(pem.cert())))));
      HttpResponse<Buffer> health = Await.result(verifying
          .get(coordinator.port(), "127.0.0.1", "/v1/health").send());
      assertEquals(200, health.statusCode());
      verifying.close();

      String token = coordinator.token("alice", "acme");
      String lease = coordinator.createLeaseId(token);
      TestPeer host = coordinator.connectPeer(token, lease, "host", true);
      TestPeer client = coordinator.connectPeer(token, lease, "client", true);
      client.send(new Frame.Open(1, "example.com", 443));
      host.expect(new Frame.Open(1, "example.com", 443));
    } finally {
      coordinator.stop();
    }
  }
}
