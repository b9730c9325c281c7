package dev.crabbox.coordinator.egress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Bridge;
import dev.crabbox.coordinator.support.LeaseTestBase;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.WireLimits;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A v1 (JSON) peer and a v2 (binary) peer through the translating coordinator. */
class EgressTranslationTest extends LeaseTestBase {

  private static final int KIB = 1024;
  private static final int WINDOW = WireLimits.INITIAL_WINDOW;

  /** A v1 host and a v2 client with streams 5 and 7 open: the client grants credit for both. */
  private Bridge v1HostWithTwoStreams() {
    Bridge bridge = connectBridge(V1, V2);
    bridge.open(5, "example.com", 443);
    bridge.open(7, "example.org", 443);
    return bridge;
  }

  /**
   * The v1 host sends 600 KiB on stream 5: 344 KiB wait for the client's credit, over the
   * 256 KiB bound, so from the third message on the coordinator reads nothing more from the host.
   */
  private static byte[] holdHostWithStream5(Bridge bridge, long seed) {
    byte[] body = random(600 * KIB, seed);
    bridge.host().sendData(5, body, 200 * KIB);
    return body;
  }

  /** Exactly the client's first window of {@code body} arrives on stream 5. */
  private static void expectFirstWindow(TestPeer client, byte[] body) {
    assertArrayEquals(Arrays.copyOf(body, WINDOW), client.readData(5, WINDOW));
  }

  /** The client grants credit for the rest of {@code body}, which then arrives on stream 5. */
  private static void grantAndExpectRest(TestPeer client, byte[] body) {
    client.send(new Frame.Window(5, body.length - WINDOW));
    assertArrayEquals(Arrays.copyOfRange(body, WINDOW, body.length),
        client.readData(5, body.length - WINDOW));
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void v1ClientAndV2HostTranslateAndTheCoordinatorGrantsCredit() {
    Bridge bridge = connectBridge(V2, V1);
    TestPeer host = bridge.host();
    TestPeer client = bridge.client();

    bridge.open(1, "example.com", 443);
    host.send(new Frame.OpenOk(1));
    client.expect(new Frame.OpenOk(1));

    client.send(new Frame.Data(1, bytes("hello")));
    host.expect(new Frame.Data(1, bytes("hello")));

    // The host spends its whole initial window; the coordinator (playing the v1 client's flow
    // control) hands the credit back as its writes to the v1 socket complete.
    byte[] first = random(WINDOW, 1);
    host.sendData(1, first, WireLimits.MAX_DATA_PAYLOAD);
    assertArrayEquals(first, client.readData(1, first.length));
    int granted = 0;
    while (granted < WINDOW) {
      Frame frame = host.next();
      assertInstanceOf(Frame.Window.class, frame, "only WINDOW frames reach the host");
      granted += ((Frame.Window) frame).increment();
    }
    assertEquals(WINDOW, granted);

    // With the credit back the host may send again.
    byte[] more = random(WireLimits.MAX_DATA_PAYLOAD, 2);
    host.send(new Frame.Data(1, more));
    assertArrayEquals(more, client.readData(1, more.length));
    host.expect(new Frame.Window(1, WireLimits.MAX_DATA_PAYLOAD));

    host.send(new Frame.Fin(1));
    client.expect(new Frame.Fin(1)); // v1 "close"

    bridge.open(2, "example.org", 80);
    client.send(new Frame.Fin(2)); // v1 "close" becomes FIN
    host.expect(new Frame.Fin(2));

    bridge.open(3, "example.net", 80);
    host.send(new Frame.Rst(3, "reset"));
    client.expect(new Frame.Fin(3)); // RST also becomes v1 "close"
  }

  @Test
  void v1DataTowardAV2ReceiverWaitsForItsWindow() {
    Bridge bridge = v1HostWithTwoStreams();
    TestPeer host = bridge.host();
    TestPeer client = bridge.client();
    host.send(new Frame.OpenOk(5));
    client.expect(new Frame.OpenOk(5));

    // 400 KiB from the v1 host, more than the v2 client's 256 KiB window, then an unrelated
    // OPEN_OK: the client sees exactly one window's worth of DATA before it.
    byte[] body = random(400 * KIB, 3);
    host.sendData(5, body, 100 * KIB);
    host.send(new Frame.OpenOk(7));
    expectFirstWindow(client, body);
    client.expect(new Frame.OpenOk(7));
    grantAndExpectRest(client, body);

    host.send(new Frame.Fin(5)); // v1 close: FIN after the data
    client.expect(new Frame.Fin(5));
  }

  @Test
  void aStreamBufferOverItsBoundPausesTheV1Socket() {
    Bridge bridge = v1HostWithTwoStreams();
    TestPeer client = bridge.client();

    // Held, the coordinator reads the OPEN_OK behind the data only after the client's WINDOW.
    byte[] body = holdHostWithStream5(bridge, 4);
    bridge.host().send(new Frame.OpenOk(7));
    expectFirstWindow(client, body);
    grantAndExpectRest(client, body);
    client.expect(new Frame.OpenOk(7));
  }

  /**
   * The host sends its last frames and leaves while the coordinator holds its reads. Vert.x
   * 5.0.7 reports the close before it delivers what the paused socket still has queued; those
   * frames must reach the client all the same, ahead of its 1011.
   */
  @Test
  void whatAHeldV1HostSentBeforeLeavingStillReachesTheClient() {
    Bridge bridge = v1HostWithTwoStreams();
    TestPeer host = bridge.host();
    TestPeer client = bridge.client();

    // Stream 7 has all its credit: its data and close only wait behind the hold. Then the host
    // leaves.
    byte[] body = holdHostWithStream5(bridge, 5);
    host.send(new Frame.Data(7, bytes("the last bytes")));
    host.send(new Frame.Fin(7));
    host.close();

    client.expectClose(1011, "egress host disconnected");
    expectFirstWindow(client, body);
    client.expect(new Frame.Data(7, bytes("the last bytes")));
    client.expect(new Frame.Fin(7));
    assertEquals(0, client.pending(), "stream 5 got no more credit: its rest left with the host");
  }

  @Test
  void v1HostErrorsReachAV2Client() {
    Bridge bridge = connectBridge(V1, V2);
    bridge.open(9, "blocked.example", 443);
    bridge.host().send(new Frame.Error(9, "not allowlisted: blocked.example"));
    bridge.client().expect(new Frame.Error(9, "not allowlisted: blocked.example"));
  }

  @Test
  void malformedV1MessagesAreAnsweredAndTheSessionCarriesOn() {
    Bridge bridge = connectBridge(V2, V1);
    bridge.open(4, "example.com", 443);

    bridge.client().sendText("{\"type\":\"data\",\"id\":\"4\",\"body\":\"***\"}");
    Frame answer = bridge.client().next();
    assertInstanceOf(Frame.Error.class, answer);
    assertTrue(((Frame.Error) answer).message().startsWith("protocol error: "), answer.toString());
    Frame reset = bridge.host().next();
    assertInstanceOf(Frame.Rst.class, reset);
    assertEquals(4, reset.stream());

    bridge.client().sendText("not json at all");
    bridge.open(6, "example.com", 443);
  }

  @Test
  void twoV1PeersRelayVerbatim() {
    Bridge bridge = connectBridge(V1, V1);
    bridge.client().sendText("{\"type\":\"open\",\"id\":\"c1\",\"host\":\"example.com\",\"port\":\"443\"}");
    Frame open = bridge.host().next();
    assertInstanceOf(Frame.Open.class, open);
    assertEquals("example.com", ((Frame.Open) open).host());
    bridge.host().sendText("{\"type\":\"open_ok\",\"id\":\"c1\"}");
    assertInstanceOf(Frame.OpenOk.class, bridge.client().next());
  }
}
