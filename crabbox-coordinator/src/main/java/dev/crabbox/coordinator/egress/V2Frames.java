package dev.crabbox.coordinator.egress;

import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.FrameType;
import dev.crabbox.protocol.frame.V2Codec;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.buffer.Buffer;
import java.util.OptionalInt;

/** Checks v2 messages the coordinator relays verbatim, without copying DATA payloads. */
final class V2Frames {

  private V2Frames() {}

  /**
   * Validates one binary message and returns its type. DATA is checked by header and size only;
   * the small control frames are decoded in full.
   */
  static FrameType check(Buffer message) throws FrameDecodeException {
    int length = message.length();
    if (length >= WireLimits.V2_HEADER_BYTES && length <= WireLimits.MAX_V2_MESSAGE
        && message.getUnsignedByte(0) == FrameType.DATA.code()) {
      return FrameType.DATA;
    }
    return V2Codec.decode(message.getBytes()).type();
  }

  /** The stream id of a message long enough to carry one. */
  static OptionalInt stream(Buffer message) {
    return message.length() >= WireLimits.V2_HEADER_BYTES
        ? OptionalInt.of(message.getInt(1))
        : OptionalInt.empty();
  }
}
