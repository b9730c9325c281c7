package dev.crabbox.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowsTest {

  @Test
  void sendWindowStartsWithTheInitialCreditAndNeverGoesNegative() {
    SendWindow window = new SendWindow();
    assertEquals(WireLimits.INITIAL_WINDOW, window.credit());
    assertEquals(WireLimits.MAX_DATA_PAYLOAD, window.take(WireLimits.MAX_DATA_PAYLOAD));
    assertEquals(WireLimits.INITIAL_WINDOW - WireLimits.MAX_DATA_PAYLOAD, window.credit());
    assertEquals(WireLimits.INITIAL_WINDOW - WireLimits.MAX_DATA_PAYLOAD, window.take(Integer.MAX_VALUE));
    assertTrue(window.exhausted());
    assertEquals(0, window.take(10));
    assertEquals(0, window.take(-10));
    assertEquals(0, window.credit());
  }

  @Test
  void sendWindowGrantsAddCreditAndRefuseOverflowOrNonPositive() {
    SendWindow window = new SendWindow(0);
    assertTrue(window.exhausted());
    assertTrue(window.grant(100));
    assertFalse(window.exhausted());
    assertEquals(60, window.take(60));
    assertEquals(40, window.take(60));
    assertFalse(window.grant(0));
    assertFalse(window.grant(-1));
    assertTrue(window.grant(Integer.MAX_VALUE));
    assertFalse(window.grant(1));
    assertEquals(Integer.MAX_VALUE, window.credit());
  }

  @Test
  void receiveWindowDetectsAPeerThatOverrunsItsCredit() {
    ReceiveWindow window = new ReceiveWindow(1000);
    assertTrue(window.onReceived(600));
    assertTrue(window.onReceived(400));
    assertFalse(window.onReceived(1));
  }

  @Test
  void receiveWindowBatchesGrantsAtAnEighthOfTheWindow() {
    ReceiveWindow window = new ReceiveWindow(1000);
    assertTrue(window.onReceived(1000));
    assertEquals(0, window.onConsumed(100));
    assertEquals(0, window.onConsumed(24));
    assertEquals(125, window.onConsumed(1));
    assertEquals(875, window.outstanding());
    // Consumed but not yet granted bytes still count against the peer's credit.
    assertEquals(0, window.onConsumed(10));
    assertTrue(window.onReceived(125));
    assertFalse(window.onReceived(1));
    assertEquals(10, window.flush());
    assertEquals(0, window.flush());
  }

  @Test
  void aWindowGrowsOnlyWhileTheDestinationKeepsUpAndNeverPastItsMaximum() {
    ReceiveWindow window = new ReceiveWindow(1000, 3000);
    assertTrue(window.onReceived(1000));
    // A destination that is backed up: plain grants, no growth.
    assertEquals(125, window.onConsumed(125, false));
    assertEquals(1000, window.window());
    // Keeping up: the grant doubles the window and carries the growth.
    assertEquals(125 + 1000, window.onConsumed(125, true));
    assertEquals(2000, window.window());
    assertTrue(window.onReceived(1250));
    // Growth stops at the maximum.
    assertEquals(250 + 1000, window.onConsumed(250, true));
    assertEquals(3000, window.window());
    assertEquals(375, window.onConsumed(375, true));
    assertEquals(3000, window.window());
    // The peer may now have the whole grown window outstanding, and not a byte more.
    assertTrue(window.onReceived(3000 - (int) window.outstanding()));
    assertFalse(window.onReceived(1));
  }

  @Test
  void aFixedWindowNeverGrows() {
    ReceiveWindow window = new ReceiveWindow(1000);
    assertTrue(window.onReceived(1000));
    assertEquals(125, window.onConsumed(125, true));
    assertEquals(1000, window.window());
  }

  @Test
  void senderAndReceiverAgreeOverAnyInterleaving() {
    SendWindow send = new SendWindow();
    ReceiveWindow receive = new ReceiveWindow();
    long sent = 0;
    java.util.ArrayDeque<Integer> inFlight = new java.util.ArrayDeque<>();
    java.util.Random random = new java.util.Random(7);
    for (int step = 0; step < 10_000; step++) {
      int granted = send.take(1 + random.nextInt(WireLimits.MAX_DATA_PAYLOAD));
      if (granted > 0) {
        assertTrue(receive.onReceived(granted), "sender stayed inside its credit");
        inFlight.add(granted);
        sent += granted;
      }
      if (!inFlight.isEmpty() && random.nextBoolean()) {
        int increment = receive.onConsumed(inFlight.poll());
        if (increment > 0) {
          assertTrue(send.grant(increment));
        }
      }
    }
    assertTrue(sent > 10L * WireLimits.INITIAL_WINDOW);
  }
}
