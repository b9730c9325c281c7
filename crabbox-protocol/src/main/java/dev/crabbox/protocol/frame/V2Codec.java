package dev.crabbox.protocol.frame;

import static dev.crabbox.protocol.frame.FrameDecodeException.Reason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Binary v2 codec: one WebSocket binary message is {@code type:u8 | stream:u32 | payload}
 * (big-endian). Stateless and thread-safe.
 */
public final class V2Codec {

  private V2Codec() {}

  /**
   * Encodes a frame to one binary message.
   *
   * @throws IllegalArgumentException for a frame {@link #decode} would reject: an OPEN target that
   *     is not {@code host:port}, a DATA payload over {@link WireLimits#MAX_DATA_PAYLOAD} (split it
   *     first), or a WINDOW increment below 1. Failing here points at the sender's bug instead of
   *     making the peer reset the stream. RST and ERROR texts are cut to
   *     {@link WireLimits#MAX_TEXT_BYTES} instead, since they are informational.
   */
  public static byte[] encode(Frame frame) {
    byte[] payload = switch (frame.type()) {
      case OPEN -> openTarget((Frame.Open) frame).getBytes(StandardCharsets.UTF_8);
      case OPEN_OK, FIN -> new byte[0];
      case DATA -> dataPayload((Frame.Data) frame);
      case RST -> FrameText.utf8Limited(((Frame.Rst) frame).reason(), WireLimits.MAX_TEXT_BYTES);
      case ERROR -> FrameText.utf8Limited(((Frame.Error) frame).message(), WireLimits.MAX_TEXT_BYTES);
      case WINDOW -> windowPayload((Frame.Window) frame);
    };
    byte[] out = new byte[WireLimits.V2_HEADER_BYTES + payload.length];
    writeHeader(out, frame.type(), frame.stream());
    System.arraycopy(payload, 0, out, WireLimits.V2_HEADER_BYTES, payload.length);
    return out;
  }

  private static String openTarget(Frame.Open open) {
    String target = open.target();
    if (HostPort.parse(target).isEmpty()) {
      throw new IllegalArgumentException("OPEN target is not host:port: " + printable(target));
    }
    return target;
  }

  private static byte[] dataPayload(Frame.Data data) {
    if (data.payload().length > WireLimits.MAX_DATA_PAYLOAD) {
      throw new IllegalArgumentException("DATA payload of " + data.payload().length
          + " bytes exceeds " + WireLimits.MAX_DATA_PAYLOAD + "; split it into several frames");
    }
    return data.payload();
  }

  private static byte[] windowPayload(Frame.Window window) {
    if (window.increment() <= 0) {
      throw new IllegalArgumentException("WINDOW increment must be positive, got "
          + window.increment());
    }
    return ByteBuffer.allocate(4).putInt(window.increment()).array();
  }

  /**
   * The five header bytes of a frame, for callers that append the payload themselves without
   * copying it (DATA on the hot path).
   */
  public static byte[] header(FrameType type, int stream) {
    byte[] out = new byte[WireLimits.V2_HEADER_BYTES];
    writeHeader(out, type, stream);
    return out;
  }

  private static void writeHeader(byte[] out, FrameType type, int stream) {
    out[0] = (byte) type.code();
    out[1] = (byte) (stream >>> 24);
    out[2] = (byte) (stream >>> 16);
    out[3] = (byte) (stream >>> 8);
    out[4] = (byte) stream;
  }

  /** Reads the frame type of a message without decoding it, empty when unknown or too short. */
  public static Optional<FrameType> peekType(byte[] message) {
    if (message == null || message.length < WireLimits.V2_HEADER_BYTES) {
      return Optional.empty();
    }
    return Optional.ofNullable(FrameType.ofCode(message[0] & 0xff));
  }

  /** Reads the stream id of a message of at least five bytes. */
  public static int peekStream(byte[] message) {
    return ((message[1] & 0xff) << 24) | ((message[2] & 0xff) << 16) | ((message[3] & 0xff) << 8)
        | (message[4] & 0xff);
  }

  /** Decodes one binary message; every malformed input is a {@link FrameDecodeException}. */
  public static Frame decode(byte[] message) throws FrameDecodeException {
    if (message == null || message.length == 0) {
      throw new FrameDecodeException(Reason.EMPTY, "empty frame");
    }
    if (message.length > WireLimits.MAX_V2_MESSAGE) {
      throw new FrameDecodeException(Reason.TOO_LARGE,
          "frame of " + message.length + " bytes exceeds " + WireLimits.MAX_V2_MESSAGE);
    }
    if (message.length < WireLimits.V2_HEADER_BYTES) {
      throw new FrameDecodeException(Reason.TRUNCATED,
          "frame of " + message.length + " bytes is shorter than its 5-byte header");
    }
    FrameType type = FrameType.ofCode(message[0] & 0xff);
    if (type == null) {
      throw new FrameDecodeException(Reason.UNKNOWN_TYPE, "unknown frame type " + (message[0] & 0xff),
          peekStream(message));
    }
    int stream = peekStream(message);
    int payloadLength = message.length - WireLimits.V2_HEADER_BYTES;
    try {
      return decodeBody(type, stream, message, payloadLength);
    } catch (FrameDecodeException e) {
      // Attach the stream so the receiver can answer the malformed frame on its stream.
      throw new FrameDecodeException(e.reason(), e.getMessage(), stream);
    }
  }

  private static Frame decodeBody(FrameType type, int stream, byte[] message, int payloadLength)
      throws FrameDecodeException {
    return switch (type) {
      case OPEN -> decodeOpen(stream, message);
      case OPEN_OK -> {
        requireEmpty(type, payloadLength);
        yield new Frame.OpenOk(stream);
      }
      case DATA -> {
        byte[] payload = new byte[payloadLength];
        System.arraycopy(message, WireLimits.V2_HEADER_BYTES, payload, 0, payloadLength);
        yield new Frame.Data(stream, payload);
      }
      case FIN -> {
        requireEmpty(type, payloadLength);
        yield new Frame.Fin(stream);
      }
      case RST -> new Frame.Rst(stream, text(message));
      case ERROR -> new Frame.Error(stream, text(message));
      case WINDOW -> decodeWindow(stream, message, payloadLength);
    };
  }

  private static Frame decodeOpen(int stream, byte[] message) throws FrameDecodeException {
    String target = utf8(message);
    HostPort hp = HostPort.parse(target).orElseThrow(() -> new FrameDecodeException(Reason.BAD_TARGET,
        "OPEN target must be host:port, got " + printable(target)));
    return new Frame.Open(stream, hp.host(), hp.port());
  }

  private static Frame decodeWindow(int stream, byte[] message, int payloadLength)
      throws FrameDecodeException {
    if (payloadLength != 4) {
      throw new FrameDecodeException(Reason.BAD_WINDOW,
          "WINDOW payload must be 4 bytes, got " + payloadLength);
    }
    int increment = ByteBuffer.wrap(message, WireLimits.V2_HEADER_BYTES, 4).getInt();
    if (increment <= 0) {
      throw new FrameDecodeException(Reason.BAD_WINDOW,
          "WINDOW increment must be 1.." + Integer.MAX_VALUE + ", got " + Integer.toUnsignedString(increment));
    }
    return new Frame.Window(stream, increment);
  }

  private static void requireEmpty(FrameType type, int payloadLength) throws FrameDecodeException {
    if (payloadLength != 0) {
      throw new FrameDecodeException(Reason.UNEXPECTED_PAYLOAD,
          type + " frame carries " + payloadLength + " unexpected payload bytes");
    }
  }

  private static String text(byte[] message) throws FrameDecodeException {
    int length = message.length - WireLimits.V2_HEADER_BYTES;
    if (length > WireLimits.MAX_TEXT_BYTES) {
      throw new FrameDecodeException(Reason.TOO_LARGE,
          "frame text of " + length + " bytes exceeds " + WireLimits.MAX_TEXT_BYTES);
    }
    return utf8(message);
  }

  private static String utf8(byte[] message) throws FrameDecodeException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(message, WireLimits.V2_HEADER_BYTES,
              message.length - WireLimits.V2_HEADER_BYTES))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FrameDecodeException(Reason.BAD_UTF8, "frame text is not valid UTF-8");
    }
  }

  static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    StringBuilder b = new StringBuilder("\"");
    for (char c : cut.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.append('"').toString();
  }
}
