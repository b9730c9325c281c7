package dev.crabbox.coordinator.egress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A v1 (JSON) peer and a v2 (binary) peer through the translating coordinator. */
@ExtendWith(VertxExtension.class)
class EgressTranslationTest {

  private static final int KIB = 1024;

  private TestCoordinator coordinator;
  private String alice;
  private String lease;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    coordinator = TestCoordinator.start(vertx, dataDir);
    alice = coordinator.token("alice", "acme");
    lease = coordinator.createLeaseId(alice);
  }

  @AfterEach
  void stop() {
    coordinator.stop();
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Reads DATA frames of {@code stream} until {@code total} bytes arrived; returns them. */
  private static byte[] readData(TestPeer peer, int stream, int total) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < total) {
      Frame frame = peer.next();
      assertInstanceOf(Frame.Data.class, frame, "expected DATA, got " + frame);
      assertEquals(stream, frame.stream());
      out.writeBytes(((Frame.Data) frame).payload());
    }
    assertEquals(total, out.size(), "no more than asked for");
    return out.toByteArray();
  }

  @Test
  void v1ClientAndV2HostTranslateAndTheCoordinatorGrantsCredit() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", false);

    client.send(new Frame.Open(1, "example.com", 443));
    host.expect(new Frame.Open(1, "example.com", 443));
    host.send(new Frame.OpenOk(1));
    client.expect(new Frame.OpenOk(1));

    client.send(new Frame.Data(1, "hello".getBytes(StandardCharsets.UTF_8)));
    host.expect(new Frame.Data(1, "hello".getBytes(StandardCharsets.UTF_8)));

    // The host spends its whole initial window; the coordinator (playing the v1 client's flow
    // control) hands the credit back as its writes to the v1 socket complete.
    byte[] first = random(WireLimits.INITIAL_WINDOW, 1);
    for (int at = 0; at < first.length; at += WireLimits.MAX_DATA_PAYLOAD) {
      host.send(new Frame.Data(1, Arrays.copyOfRange(first, at, at + WireLimits.MAX_DATA_PAYLOAD)));
    }
    assertArrayEquals(first, readData(client, 1, first.length));
    int granted = 0;
    while (granted < WireLimits.INITIAL_WINDOW) {
      Frame frame = host.next();
      assertInstanceOf(Frame.Window.class, frame, "only WINDOW frames reach the host");
      granted += ((Frame.Window) frame).increment();
    }
    assertEquals(WireLimits.INITIAL_WINDOW, granted);

    // With the credit back the host may send again.
    byte[] more = random(WireLimits.MAX_DATA_PAYLOAD, 2);
    host.send(new Frame.Data(1, more));
    assertArrayEquals(more, readData(client, 1, more.length));
    host.expect(new Frame.Window(1, WireLimits.MAX_DATA_PAYLOAD));

    host.send(new Frame.Fin(1));
    client.expect(new Frame.Fin(1)); // v1 "close"

    client.send(new Frame.Open(2, "example.org", 80));
    host.expect(new Frame.Open(2, "example.org", 80));
    client.send(new Frame.Fin(2)); // v1 "close" becomes FIN
    host.expect(new Frame.Fin(2));

    client.send(new Frame.Open(3, "example.net", 80));
    host.expect(new Frame.Open(3, "example.net", 80));
    host.send(new Frame.Rst(3, "reset"));
    client.expect(new Frame.Fin(3)); // RST also becomes v1 "close"
  }

  @Test
  void v1DataTowardAV2ReceiverWaitsForItsWindow() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", false);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);

    client.send(new Frame.Open(5, "example.com", 443));
    host.expect(new Frame.Open(5, "example.com", 443));
    client.send(new Frame.Open(7, "example.org", 443));
    host.expect(new Frame.Open(7, "example.org", 443));
    host.send(new Frame.OpenOk(5));
    client.expect(new Frame.OpenOk(5));

    // 400 KiB from the v1 host, more than the v2 client's 256 KiB window, then an unrelated
    // OPEN_OK: the client sees exactly one window's worth of DATA before it.
    byte[] body = random(400 * KIB, 3);
    for (int at = 0; at < body.length; at += 100 * KIB) {
      host.send(new Frame.Data(5, Arrays.copyOfRange(body, at, at + 100 * KIB)));
    }
    host.send(new Frame.OpenOk(7));
    byte[] firstWindow = readData(client, 5, WireLimits.INITIAL_WINDOW);
    client.expect(new Frame.OpenOk(7));

    client.send(new Frame.Window(5, body.length - WireLimits.INITIAL_WINDOW));
    byte[] rest = readData(client, 5, body.length - WireLimits.INITIAL_WINDOW);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(firstWindow);
    all.writeBytes(rest);
    assertArrayEquals(body, all.toByteArray());

    host.send(new Frame.Fin(5)); // v1 close: FIN after the data
    client.expect(new Frame.Fin(5));
  }

  @Test
  void aStreamBufferOverItsBoundPausesTheV1Socket() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", false);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    client.send(new Frame.Open(5, "example.com", 443));
    host.expect(new Frame.Open(5, "example.com", 443));
    client.send(new Frame.Open(7, "example.org", 443));
    host.expect(new Frame.Open(7, "example.org", 443));

    // 600 KiB leaves 344 KiB buffered, over the 256 KiB bound: the coordinator stops reading the
    // v1 host, so the OPEN_OK behind the data waits for the client's WINDOW.
    byte[] body = random(600 * KIB, 4);
    for (int at = 0; at < body.length; at += 200 * KIB) {
      host.send(new Frame.Data(5, Arrays.copyOfRange(body, at, at + 200 * KIB)));
    }
    host.send(new Frame.OpenOk(7));
    byte[] firstWindow = readData(client, 5, WireLimits.INITIAL_WINDOW);
    client.send(new Frame.Window(5, body.length - WireLimits.INITIAL_WINDOW));
    byte[] rest = readData(client, 5, body.length - WireLimits.INITIAL_WINDOW);
    client.expect(new Frame.OpenOk(7));
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(firstWindow);
    all.writeBytes(rest);
    assertArrayEquals(body, all.toByteArray());
  }

  @Test
  void v1HostErrorsReachAV2Client() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", false);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    client.send(new Frame.Open(9, "blocked.example", 443));
    host.expect(new Frame.Open(9, "blocked.example", 443));
    host.send(new Frame.Error(9, "not allowlisted: blocked.example"));
    client.expect(new Frame.Error(9, "not allowlisted: blocked.example"));
  }

  @Test
  void malformedV1MessagesAreAnsweredAndTheSessionCarriesOn() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", false);
    client.send(new Frame.Open(4, "example.com", 443));
    host.expect(new Frame.Open(4, "example.com", 443));

    client.sendText("{\"type\":\"data\",\"id\":\"4\",\"body\":\"***\"}");
    Frame answer = client.next();
    assertInstanceOf(Frame.Error.class, answer);
    assertTrue(((Frame.Error) answer).message().startsWith("protocol error: "), answer.toString());
    Frame reset = host.next();
    assertInstanceOf(Frame.Rst.class, reset);
    assertEquals(4, reset.stream());

    client.sendText("not json at all");
    client.send(new Frame.Open(6, "example.com", 443));
    host.expect(new Frame.Open(6, "example.com", 443));
  }

  @Test
  void twoV1PeersRelayVerbatim() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", false);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", false);
    client.sendText("{\"type\":\"open\",\"id\":\"c1\",\"host\":\"example.com\",\"port\":\"443\"}");
    Frame open = host.next();
    assertInstanceOf(Frame.Open.class, open);
    assertEquals("example.com", ((Frame.Open) open).host());
    host.sendText("{\"type\":\"open_ok\",\"id\":\"c1\"}");
    assertInstanceOf(Frame.OpenOk.class, client.next());
  }
}
