package dev.crabbox.protocol.frame;

/**
 * Receive side of one stream's flow control. Counts bytes received but not yet written to the
 * destination, and batches credit grants so WINDOW frames are not sent for every small write.
 *
 * <p>Every stream starts with {@link WireLimits#INITIAL_WINDOW}. While the destination keeps up,
 * the receiver may grow the window (doubling, up to {@link WireLimits#MAX_WINDOW}) by granting
 * more than was consumed: one fast stream then fills the three-hop bridge, while a stream whose
 * destination stalls never grows and holds at most its current window. Not thread-safe.
 */
public final class ReceiveWindow {
  private final int maxWindow;
  private int window;
  private int grantThreshold;
  private long outstanding;
  private int consumedNotGranted;

  public ReceiveWindow() {
    this(WireLimits.INITIAL_WINDOW);
  }

  /** A fixed window that never grows. */
  public ReceiveWindow(int window) {
    this(window, window);
  }

  /** A window of {@code initial} bytes that may grow up to {@code max}. */
  public ReceiveWindow(int initial, int max) {
    if (initial <= 0 || max < initial) {
      throw new IllegalArgumentException("window must be 0 < initial <= max, got " + initial + ", " + max);
    }
    this.maxWindow = max;
    resize(initial);
  }

  /** The default stream window: {@code INITIAL_WINDOW}, growing up to {@code MAX_WINDOW}. */
  public static ReceiveWindow growing() {
    return new ReceiveWindow(WireLimits.INITIAL_WINDOW, WireLimits.MAX_WINDOW);
  }

  private void resize(int newWindow) {
    window = newWindow;
    // An eighth of the window: small enough that a single stream keeps credit flowing across
    // the three hops of the bridge, large enough that WINDOW frames stay rare.
    grantThreshold = Math.max(1, window / 8);
  }

  /** The credit the peer may have outstanding right now. */
  public int window() {
    return window;
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
    return onConsumed(bytes, false);
  }

  /**
   * Like {@link #onConsumed(int)}; when {@code destinationKeepsUp} (nothing is queued towards the
   * destination) a grant also grows the window, and the increment carries the growth.
   */
  public int onConsumed(int bytes, boolean destinationKeepsUp) {
    outstanding -= bytes;
    consumedNotGranted += bytes;
    if (consumedNotGranted < grantThreshold) {
      return 0;
    }
    int growth = destinationKeepsUp ? Math.min(window, maxWindow - window) : 0;
    resize(window + growth);
    return flush() + growth;
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
