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

  /** Encodes a frame to one binary message. */
  public static byte[] encode(Frame frame) {
    byte[] payload = switch (frame.type()) {
      case OPEN -> ((Frame.Open) frame).target().getBytes(StandardCharsets.UTF_8);
      case OPEN_OK, FIN -> new byte[0];
      case DATA -> ((Frame.Data) frame).payload();
      case RST -> ((Frame.Rst) frame).reason().getBytes(StandardCharsets.UTF_8);
      case ERROR -> ((Frame.Error) frame).message().getBytes(StandardCharsets.UTF_8);
      case WINDOW -> ByteBuffer.allocate(4).putInt(((Frame.Window) frame).increment()).array();
    };
    byte[] out = new byte[WireLimits.V2_HEADER_BYTES + payload.length];
    writeHeader(out, frame.type(), frame.stream());
    System.arraycopy(payload, 0, out, WireLimits.V2_HEADER_BYTES, payload.length);
    return out;
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
      throw new FrameDecodeException(Reason.UNKNOWN_TYPE, "unknown frame type " + (message[0] & 0xff));
    }
    int stream = peekStream(message);
    int payloadLength = message.length - WireLimits.V2_HEADER_BYTES;
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
