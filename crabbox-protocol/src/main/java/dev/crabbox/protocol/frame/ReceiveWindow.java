package dev.crabbox.protocol.frame;

/**
 * Receive side of one stream's flow control. Counts bytes received but not yet written to the
 * destination, and batches credit grants so WINDOW frames are not sent for every small write.
 * Not thread-safe.
 */
public final class ReceiveWindow {
  private final int window;
  private final int grantThreshold;
  private long outstanding;
  private int consumedNotGranted;

  public ReceiveWindow() {
    this(WireLimits.INITIAL_WINDOW);
  }

  public ReceiveWindow(int window) {
    this.window = window;
    // An eighth of the window: small enough that a single stream keeps credit flowing across
    // the three hops of the bridge, large enough that WINDOW frames stay rare.
    this.grantThreshold = Math.max(1, window / 8);
  }

  /**
   * Records {@code bytes} arriving from the peer. Returns false when the peer sent more than the
   * credit it was given: a protocol violation.
   */
  public boolean onReceived(int bytes) {
    outstanding += bytes;
    // Everything received and not yet granted back must fit in the window the peer was given.
    return outstanding + consumedNotGranted <= window;
  }

  /**
   * Records {@code bytes} written to the destination. Returns the increment to send in a WINDOW
   * frame now, or 0 to keep batching.
   */
  public int onConsumed(int bytes) {
    outstanding -= bytes;
    consumedNotGranted += bytes;
    return consumedNotGranted >= grantThreshold ? flush() : 0;
  }

  /** Returns all credit consumed but not yet granted (e.g. when the destination queue drained). */
  public int flush() {
    int grant = consumedNotGranted;
    consumedNotGranted = 0;
    return grant;
  }

  public long outstanding() {
    return outstanding;
  }
}
