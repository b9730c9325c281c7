package dev.crabbox.protocol.frame;

import java.util.OptionalInt;

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
  private final boolean hasStream;
  private final int stream;

  public FrameDecodeException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.hasStream = false;
    this.stream = 0;
  }

  /** A failure on a frame whose stream is known, so the caller can answer on that stream. */
  public FrameDecodeException(Reason reason, String message, int stream) {
    super(message, null, false, false);
    this.reason = reason;
    this.hasStream = true;
    this.stream = stream;
  }

  public Reason reason() {
    return reason;
  }

  /**
   * The stream the malformed frame was for, when it could be read: the contract is to answer a
   * malformed frame with ERROR/RST on its stream and keep the connection up. Empty when the
   * message was too short (v2) or its id unknown to this connection (v1).
   */
  public OptionalInt stream() {
    return hasStream ? OptionalInt.of(stream) : OptionalInt.empty();
  }
}
