package dev.crabbox.coordinator.egress;

import dev.crabbox.protocol.frame.ReceiveWindow;
import dev.crabbox.protocol.frame.SendWindow;
import dev.crabbox.protocol.frame.WireLimits;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One stream between a v1 and a v2 peer. The coordinator stands in for the v1 side's flow
 * control: {@link #toV2} is the credit the v2 receiver granted for data coming from v1 (excess
 * waits in a bounded buffer), {@link #fromV2} the credit the coordinator granted the v2 sender.
 * Guarded by the owning {@link TranslatingLink}.
 */
final class TranslatedStream {

  /** Bytes from v1 waiting for v2 credit before the v1 socket is paused. */
  static final int BUFFER_BOUND = WireLimits.INITIAL_WINDOW;

  final int id;
  final SendWindow toV2 = new SendWindow();
  final ReceiveWindow fromV2 = new ReceiveWindow();
  private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
  private long pendingBytes;
  /** v1 closed the stream: v1 sends and receives nothing more on it. */
  boolean v1Closed;
  /** FIN to send to v2 once the buffered data is out. */
  boolean finPending;

  TranslatedStream(int id) {
    this.id = id;
  }

  /** Queues v1 data in chunks of at most one DATA frame. */
  void enqueue(byte[] payload) {
    for (int from = 0; from < payload.length; from += WireLimits.MAX_DATA_PAYLOAD) {
      int to = Math.min(payload.length, from + WireLimits.MAX_DATA_PAYLOAD);
      pending.add(from == 0 && to == payload.length ? payload : Arrays.copyOfRange(payload, from, to));
    }
    pendingBytes += payload.length;
  }

  /** The next chunk the v2 credit allows, or null when nothing may be sent now. */
  byte[] nextChunk() {
    byte[] head = pending.peek();
    if (head == null) {
      return null;
    }
    int granted = toV2.take(head.length);
    if (granted == 0) {
      return null;
    }
    pendingBytes -= granted;
    pending.poll();
    if (granted == head.length) {
      return head;
    }
    pending.addFirst(Arrays.copyOfRange(head, granted, head.length));
    return Arrays.copyOf(head, granted);
  }

  boolean drained() {
    return pending.isEmpty();
  }

  boolean overBound() {
    return pendingBytes > BUFFER_BOUND;
  }
}
