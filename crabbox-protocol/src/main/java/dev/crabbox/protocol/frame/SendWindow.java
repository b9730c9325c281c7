package dev.crabbox.protocol.frame;

/**
 * Send credit of one stream in one direction: the sender may send only while credit remains and
 * the receiver adds credit with WINDOW frames as its destination drains. Not thread-safe.
 */
public final class SendWindow {
  private long credit;

  public SendWindow() {
    this(WireLimits.INITIAL_WINDOW);
  }

  public SendWindow(int initial) {
    this.credit = initial;
  }

  public long credit() {
    return credit;
  }

  public boolean exhausted() {
    return credit <= 0;
  }

  /** Takes up to {@code wanted} bytes of credit and returns how many were granted (maybe 0). */
  public int take(int wanted) {
    int granted = (int) Math.min(wanted, credit);
    credit -= Math.max(granted, 0);
    return Math.max(granted, 0);
  }

  /**
   * Adds credit from a WINDOW frame. Returns false when the total would pass 2^31-1, which is
   * a protocol violation the caller answers with RST.
   */
  public boolean grant(int increment) {
    if (increment <= 0 || credit + increment > Integer.MAX_VALUE) {
      return false;
    }
    credit += increment;
    return true;
  }
}
