package dev.crabbox.protocol.frame;

/**
 * A peer sent a message that is not a valid frame. Checked on purpose: every caller must decide
 * what a malformed frame does to the connection (answer with an error, never crash the bridge).
 */
public final class FrameDecodeException extends Exception {

  /** Why decoding failed; stable names for logs and tests. */
  public enum Reason {
    EMPTY,
    TOO_LARGE,
    TRUNCATED,
    UNKNOWN_TYPE,
    MALFORMED_JSON,
    MISSING_FIELD,
    BAD_STREAM_ID,
    BAD_TARGET,
    BAD_BASE64,
    BAD_UTF8,
    BAD_WINDOW,
    UNEXPECTED_PAYLOAD
  }

  private final Reason reason;

  public FrameDecodeException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
