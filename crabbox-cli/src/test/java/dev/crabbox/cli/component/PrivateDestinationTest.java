package dev.crabbox.cli.component;

import static dev.crabbox.cli.component.ComponentRig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.testing.BrowserSocket;
import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.cli.demo.LocalEgressRig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code --allow-private-destinations} the host refuses a loopback destination even when
 * it is allowlisted, and the browser reads why.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrivateDestinationTest {

  @TempDir
  Path dataDir;

  @Test
  void anAllowlistedLoopbackAddressIsRefusedWithoutTheOptIn(Vertx vertx) throws Exception {
    HttpOrigin origin = await(HttpOrigin.plain(vertx, "origin").start());
    LocalEgressRig rig = await(LocalEgressRig.start(vertx, dataDir,
        new LocalEgressRig.Settings(List.of("127.0.0.1", "localhost"), false, WireVersion.V2, WireVersion.V2)));
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("CONNECT 127.0.0.1:" + origin.port() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      BrowserSocket.Reply reply = browser.readReply();
      assertEquals(403, reply.status());
      assertTrue(reply.text().startsWith("crabbox egress: blocked destination: 127.0.0.1"), reply.text());
      assertTrue(reply.text().contains("loopback"), reply.text());
    } finally {
      await(rig.stop());
    }
    assertTrue(origin.seen().isEmpty(), "the origin was never dialled");
  }
}
