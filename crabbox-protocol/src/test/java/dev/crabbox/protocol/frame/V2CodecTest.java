package dev.crabbox.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.protocol.frame.FrameDecodeException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class V2CodecTest {

  static Stream<Frame> everyFrameType() {
    return Stream.of(
        new Frame.Open(1, "example.com", 443),
        new Frame.Open(0xFFFF_FFFF, "::1", 80),
        new Frame.Open(7, "fe80::1%eth0", 65535),
        new Frame.OpenOk(2),
        new Frame.Data(3, new byte[] {0, 1, 2, (byte) 0xff}),
        new Frame.Data(3, new byte[0]),
        new Frame.Data(4, new byte[WireLimits.MAX_DATA_PAYLOAD]),
        new Frame.Fin(5),
        new Frame.Rst(6, ""),
        new Frame.Rst(6, "stream reset by peer ✓"),
        new Frame.Error(7, "not allowlisted: evil.example"),
        new Frame.Error(7, ""),
        new Frame.Window(8, 1),
        new Frame.Window(8, Integer.MAX_VALUE));
  }

  @ParameterizedTest
  @MethodSource("everyFrameType")
  void roundTripsEveryFrameType(Frame frame) throws FrameDecodeException {
    byte[] wire = V2Codec.encode(frame);
    assertEquals(frame, V2Codec.decode(wire));
    assertEquals(Optional.of(frame.type()), V2Codec.peekType(wire));
    assertEquals(frame.stream(), V2Codec.peekStream(wire));
  }

  @Test
  void coversEveryFrameType() {
    assertEquals(Arrays.asList(FrameType.values()),
        everyFrameType().map(Frame::type).distinct().toList());
  }

  @Test
  void wireLayoutIsTypeStreamPayloadBigEndian() {
    byte[] open = V2Codec.encode(new Frame.Open(0x01020304, "example.com", 443));
    byte[] expected = concat(new byte[] {1, 1, 2, 3, 4}, "example.com:443".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(expected, open);
    assertArrayEquals(new byte[] {7, 0, 0, 0, 9, 0, 4, 0, 0},
        V2Codec.encode(new Frame.Window(9, 256 * 1024)));
    assertArrayEquals(new byte[] {2, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe},
        V2Codec.encode(new Frame.OpenOk(0xFFFF_FFFE)));
    assertArrayEquals(concat(new byte[] {1, 0, 0, 0, 1}, "[::1]:8080".getBytes(StandardCharsets.UTF_8)),
        V2Codec.encode(new Frame.Open(1, "::1", 8080)));
  }

  @Test
  void headerPlusPayloadDecodesAsData() throws FrameDecodeException {
    byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] header = V2Codec.header(FrameType.DATA, 42);
    assertEquals(WireLimits.V2_HEADER_BYTES, header.length);
    assertEquals(new Frame.Data(42, payload), V2Codec.decode(concat(header, payload)));
    assertArrayEquals(Arrays.copyOf(V2Codec.encode(new Frame.Data(42, payload)), 5), header);
  }

  @Test
  void peekTypeIsEmptyForShortOrUnknownMessages() {
    assertEquals(Optional.empty(), V2Codec.peekType(null));
    assertEquals(Optional.empty(), V2Codec.peekType(new byte[] {3, 0, 0, 0}));
    assertEquals(Optional.empty(), V2Codec.peekType(new byte[] {9, 0, 0, 0, 1}));
    assertEquals(Optional.of(FrameType.FIN), V2Codec.peekType(new byte[] {4, 0, 0, 0, 1}));
  }

  static Stream<Arguments> malformed() {
    byte[] tooLong = new byte[WireLimits.MAX_V2_MESSAGE + 1];
    tooLong[0] = 3;
    byte[] longText = new byte[5 + WireLimits.MAX_TEXT_BYTES + 1];
    longText[0] = 6;
    Arrays.fill(longText, 5, longText.length, (byte) 'x');
    return Stream.of(
        Arguments.of("null", null, Reason.EMPTY),
        Arguments.of("empty", new byte[0], Reason.EMPTY),
        Arguments.of("too large", tooLong, Reason.TOO_LARGE),
        Arguments.of("one byte", new byte[] {3}, Reason.TRUNCATED),
        Arguments.of("four bytes", new byte[] {3, 0, 0, 1}, Reason.TRUNCATED),
        Arguments.of("type 0", new byte[] {0, 0, 0, 0, 1}, Reason.UNKNOWN_TYPE),
        Arguments.of("type 8", new byte[] {8, 0, 0, 0, 1}, Reason.UNKNOWN_TYPE),
        Arguments.of("type 255", new byte[] {(byte) 255, 0, 0, 0, 1}, Reason.UNKNOWN_TYPE),
        Arguments.of("open without port", frame(1, "example.com"), Reason.BAD_TARGET),
        Arguments.of("open port 0", frame(1, "example.com:0"), Reason.BAD_TARGET),
        Arguments.of("open port 65536", frame(1, "example.com:65536"), Reason.BAD_TARGET),
        Arguments.of("open empty", frame(1, ""), Reason.BAD_TARGET),
        Arguments.of("open space in host", frame(1, "exa mple.com:80"), Reason.BAD_TARGET),
        Arguments.of("open bare v6", frame(1, "::1:80"), Reason.BAD_TARGET),
        Arguments.of("open v4 in brackets", frame(1, "[1.2.3.4]:80"), Reason.BAD_TARGET),
        Arguments.of("open unclosed bracket", frame(1, "[::1:80"), Reason.BAD_TARGET),
        Arguments.of("open bad utf8", frame(1, new byte[] {(byte) 0xc3, (byte) 0x28}), Reason.BAD_UTF8),
        Arguments.of("open_ok payload", frame(2, "x"), Reason.UNEXPECTED_PAYLOAD),
        Arguments.of("fin payload", frame(4, "x"), Reason.UNEXPECTED_PAYLOAD),
        Arguments.of("rst bad utf8", frame(5, new byte[] {(byte) 0xff}), Reason.BAD_UTF8),
        Arguments.of("error bad utf8", frame(6, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}),
            Reason.BAD_UTF8),
        Arguments.of("error text too long", longText, Reason.TOO_LARGE),
        Arguments.of("window empty", frame(7, new byte[0]), Reason.BAD_WINDOW),
        Arguments.of("window 3 bytes", frame(7, new byte[] {0, 0, 1}), Reason.BAD_WINDOW),
        Arguments.of("window 5 bytes", frame(7, new byte[] {0, 0, 0, 0, 1}), Reason.BAD_WINDOW),
        Arguments.of("window zero", frame(7, new byte[] {0, 0, 0, 0}), Reason.BAD_WINDOW),
        Arguments.of("window above 2^31-1", frame(7, new byte[] {(byte) 0x80, 0, 0, 0}),
            Reason.BAD_WINDOW));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedMessagesWithTheirReason(String name, byte[] message, Reason reason) {
    FrameDecodeException e = assertThrows(FrameDecodeException.class, () -> V2Codec.decode(message));
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
  }

  @Test
  void decodeErrorsCarryTheStreamOnceTheHeaderIsRead() {
    FrameDecodeException truncated = assertThrows(FrameDecodeException.class,
        () -> V2Codec.decode(new byte[] {1, 0, 0}));
    assertEquals(OptionalInt.empty(), truncated.stream());
    FrameDecodeException badTarget = assertThrows(FrameDecodeException.class,
        () -> V2Codec.decode(frame(1, 0x0A0B0C0D, "nope")));
    assertEquals(OptionalInt.of(0x0A0B0C0D), badTarget.stream());
    FrameDecodeException unknown = assertThrows(FrameDecodeException.class,
        () -> V2Codec.decode(new byte[] {99, 0, 0, 0, 5}));
    assertEquals(OptionalInt.of(5), unknown.stream());
  }

  @Test
  void maximumDataFrameIsAccepted() throws FrameDecodeException {
    byte[] message = V2Codec.encode(new Frame.Data(1, new byte[WireLimits.MAX_DATA_PAYLOAD]));
    assertEquals(WireLimits.MAX_V2_MESSAGE, message.length);
    assertEquals(WireLimits.MAX_DATA_PAYLOAD, ((Frame.Data) V2Codec.decode(message)).payload().length);
  }

  @Test
  void encodeRefusesFramesThePeerWouldReject() {
    for (Frame bad : List.of(
        new Frame.Open(1, "example.com", 0),
        new Frame.Open(1, "example.com", 65536),
        new Frame.Open(1, "[::1]", 80),
        new Frame.Open(1, "", 80),
        new Frame.Open(1, "a b", 80),
        new Frame.Data(1, new byte[WireLimits.MAX_DATA_PAYLOAD + 1]),
        new Frame.Window(1, 0),
        new Frame.Window(1, -5))) {
      assertThrows(IllegalArgumentException.class, () -> V2Codec.encode(bad), bad.toString());
    }
  }

  @Test
  void longTextsAreCutAtACharacterBoundary() throws FrameDecodeException {
    String text = "é".repeat(WireLimits.MAX_TEXT_BYTES); // two bytes each
    Frame.Error decoded = (Frame.Error) V2Codec.decode(V2Codec.encode(new Frame.Error(3, text)));
    assertEquals(WireLimits.MAX_TEXT_BYTES / 2, decoded.message().length());
    String odd = "x" + "€".repeat(WireLimits.MAX_TEXT_BYTES); // three bytes each, shifted by one
    Frame.Rst rst = (Frame.Rst) V2Codec.decode(V2Codec.encode(new Frame.Rst(3, odd)));
    assertTrue(rst.reason().getBytes(StandardCharsets.UTF_8).length <= WireLimits.MAX_TEXT_BYTES);
    assertTrue(odd.startsWith(rst.reason()));
    assertEquals(1 + (WireLimits.MAX_TEXT_BYTES - 1) / 3, rst.reason().length());
  }

  static byte[] frame(int type, String payload) {
    return frame(type, payload.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] frame(int type, int stream, String payload) {
    byte[] out = frame(type, payload.getBytes(StandardCharsets.UTF_8));
    out[1] = (byte) (stream >>> 24);
    out[2] = (byte) (stream >>> 16);
    out[3] = (byte) (stream >>> 8);
    out[4] = (byte) stream;
    return out;
  }

  static byte[] frame(int type, byte[] payload) {
    return concat(new byte[] {(byte) type, 0, 0, 0, 1}, payload);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
