package dev.crabbox.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.protocol.frame.FrameDecodeException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class V1CodecTest {

  private final V1Codec codec = new V1Codec();

  @Test
  void decodesTheOriginalOpenExample() throws FrameDecodeException {
    Frame frame = codec.decode("{\"type\":\"open\",\"id\":\"c1\",\"host\":\"example.com\",\"port\":\"443\"}");
    Frame.Open open = (Frame.Open) frame;
    assertEquals("example.com", open.host());
    assertEquals(443, open.port());
    // A non-decimal id is mapped to a table id and encodes back to the same string.
    assertEquals(Optional.of("{\"type\":\"open_ok\",\"id\":\"c1\"}"),
        codec.encode(new Frame.OpenOk(open.stream())));
  }

  @Test
  void decodesEveryOriginalMessageType() throws FrameDecodeException {
    int c1 = codec.decode("{\"type\":\"open\",\"id\":\"c1\",\"host\":\"example.com\",\"port\":\"443\"}")
        .stream();
    assertEquals(new Frame.OpenOk(c1), codec.decode("{\"type\":\"open_ok\",\"id\":\"c1\"}"));
    assertEquals(new Frame.Data(c1, "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)),
        codec.decode("{\"type\":\"data\",\"id\":\"c1\",\"body\":\"R0VUIC8gSFRUUC8xLjENCg==\"}"));
    assertEquals(new Frame.Fin(c1), codec.decode("{\"type\":\"close\",\"id\":\"c1\"}"));
    assertEquals(new Frame.Error(c1, "dial tcp: refused"),
        codec.decode("{\"type\":\"error\",\"id\":\"c1\",\"message\":\"dial tcp: refused\"}"));
    assertEquals(new Frame.Error(c1, "only error"),
        codec.decode("{\"type\":\"error\",\"id\":\"c1\",\"error\":\"only error\"}"));
    assertEquals(new Frame.Error(c1, ""), codec.decode("{\"type\":\"error\",\"id\":\"c1\"}"));
  }

  @Test
  void encodesInTheOriginalShape() {
    assertEquals(Optional.of("{\"type\":\"open\",\"id\":\"17\",\"host\":\"example.com\",\"port\":\"443\"}"),
        codec.encode(new Frame.Open(17, "example.com", 443)));
    assertEquals(Optional.of("{\"type\":\"open_ok\",\"id\":\"17\"}"), codec.encode(new Frame.OpenOk(17)));
    assertEquals(Optional.of("{\"type\":\"data\",\"id\":\"17\",\"body\":\"aGk=\"}"),
        codec.encode(new Frame.Data(17, "hi".getBytes(StandardCharsets.US_ASCII))));
    assertEquals(Optional.of("{\"type\":\"close\",\"id\":\"17\"}"), codec.encode(new Frame.Fin(17)));
    assertEquals(Optional.of("{\"type\":\"close\",\"id\":\"17\"}"), codec.encode(new Frame.Rst(17, "why")));
    assertEquals(Optional.of("{\"type\":\"error\",\"id\":\"17\",\"error\":\"no\",\"message\":\"no\"}"),
        codec.encode(new Frame.Error(17, "no")));
    assertEquals(Optional.empty(), codec.encode(new Frame.Window(17, 100)));
    assertEquals(Optional.of("{\"type\":\"open_ok\",\"id\":\"4294967295\"}"),
        codec.encode(new Frame.OpenOk(-1)));
  }

  @Test
  void roundTripsThroughOneCodec() throws FrameDecodeException {
    byte[] binary = new byte[70_000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31);
    }
    for (Frame frame : new Frame[] {
        new Frame.Open(1, "example.com", 443), new Frame.Open(2, "::1", 8080),
        new Frame.OpenOk(3), new Frame.Data(4, binary), new Frame.Data(4, new byte[0]),
        new Frame.Fin(5), new Frame.Error(6, "blocked destination: \"quoted\" \\ \u2603\n")}) {
      assertEquals(frame, codec.decode(codec.encode(frame).orElseThrow()));
    }
    // RST has no v1 form of its own: it travels as close and comes back as FIN.
    assertEquals(new Frame.Fin(9), codec.decode(codec.encode(new Frame.Rst(9, "x")).orElseThrow()));
  }

  @Test
  void canonicalDecimalIdsMapToThemselves() throws FrameDecodeException {
    assertEquals(0, codec.decode("{\"type\":\"close\",\"id\":\"0\"}").stream());
    assertEquals(17, codec.decode("{\"type\":\"close\",\"id\":\"17\"}").stream());
    assertEquals(Integer.MAX_VALUE, codec.decode("{\"type\":\"close\",\"id\":\"2147483647\"}").stream());
    assertEquals(0, codec.mappedIds());
    // Leading zeros, signs and values >= 2^31 are names, not numbers: they get table ids.
    int padded = codec.decode("{\"type\":\"close\",\"id\":\"017\"}").stream();
    int big = codec.decode("{\"type\":\"close\",\"id\":\"2147483648\"}").stream();
    assertTrue(padded < 0 && big < 0 && padded != big);
    assertEquals(2, codec.mappedIds());
    assertEquals(Optional.of("{\"type\":\"close\",\"id\":\"017\"}"), codec.encode(new Frame.Fin(padded)));
  }

  @Test
  void numericJsonValuesAreAcceptedAsText() throws FrameDecodeException {
    assertEquals(new Frame.Open(5, "example.com", 443),
        codec.decode("{\"type\":\"open\",\"id\":5,\"host\":\"example.com\",\"port\":443}"));
  }

  @Test
  void unknownFieldsNestedValuesAndNullsAreIgnored() throws FrameDecodeException {
    assertEquals(new Frame.Fin(3), codec.decode(
        "{\"extra\":{\"a\":[1,{\"b\":2}]},\"type\":\"close\",\"list\":[],\"id\":\"3\",\"n\":null}"));
    assertEquals(new Frame.Fin(3), codec.decode(" \n{ \"type\" : \"close\" , \"id\" : \"3\" } \n"));
  }

  @Test
  void sameNameGetsSameIdUntilForgotten() throws FrameDecodeException {
    int first = codec.decode("{\"type\":\"open_ok\",\"id\":\"abc\"}").stream();
    assertEquals(first, codec.decode("{\"type\":\"close\",\"id\":\"abc\"}").stream());
    int other = codec.decode("{\"type\":\"close\",\"id\":\"def\"}").stream();
    assertNotEquals(first, other);
    assertEquals(2, codec.mappedIds());
    codec.forget(first);
    codec.forget(12345); // unknown and decimal ids are a no-op
    assertEquals(1, codec.mappedIds());
    assertEquals(Optional.of("{\"type\":\"close\",\"id\":\"" + Integer.toUnsignedString(first) + "\"}"),
        codec.encode(new Frame.Fin(first)));
    int again = codec.decode("{\"type\":\"close\",\"id\":\"abc\"}").stream();
    assertNotEquals(first, again);
  }

  @Test
  void theIdTableIsBounded() throws FrameDecodeException {
    for (int i = 0; i < V1Codec.MAX_MAPPED_IDS; i++) {
      codec.decode("{\"type\":\"open_ok\",\"id\":\"s" + i + "\"}");
    }
    FrameDecodeException e = assertThrows(FrameDecodeException.class,
        () -> codec.decode("{\"type\":\"open_ok\",\"id\":\"one-too-many\"}"));
    assertEquals(Reason.BAD_STREAM_ID, e.reason());
    // Known names keep working, and forgetting one frees a slot.
    int s0 = codec.decode("{\"type\":\"close\",\"id\":\"s0\"}").stream();
    codec.forget(s0);
    codec.decode("{\"type\":\"open_ok\",\"id\":\"one-too-many\"}");
    assertEquals(V1Codec.MAX_MAPPED_IDS, codec.mappedIds());
  }

  @Test
  void rejectedMessagesMapNoNewIds() {
    assertThrows(FrameDecodeException.class,
        () -> codec.decode("{\"type\":\"data\",\"id\":\"leak\",\"body\":\"***\"}"));
    assertThrows(FrameDecodeException.class,
        () -> codec.decode("{\"type\":\"open\",\"id\":\"leak\",\"host\":\"x\",\"port\":\"0\"}"));
    assertThrows(FrameDecodeException.class,
        () -> codec.decode("{\"type\":\"bogus\",\"id\":\"leak\"}"));
    assertEquals(0, codec.mappedIds());
  }

  @Test
  void decodeErrorsNameKnownStreamsOnly() throws FrameDecodeException {
    int known = codec.decode("{\"type\":\"open_ok\",\"id\":\"k\"}").stream();
    FrameDecodeException onKnown = assertThrows(FrameDecodeException.class,
        () -> codec.decode("{\"type\":\"data\",\"id\":\"k\",\"body\":\"!\"}"));
    assertEquals(OptionalInt.of(known), onKnown.stream());
    FrameDecodeException onDecimal = assertThrows(FrameDecodeException.class,
        () -> codec.decode("{\"type\":\"data\",\"id\":\"7\"}"));
    assertEquals(OptionalInt.of(7), onDecimal.stream());
    FrameDecodeException onUnknown = assertThrows(FrameDecodeException.class,
        () -> codec.decode("{\"type\":\"data\",\"id\":\"u\",\"body\":\"!\"}"));
    assertEquals(OptionalInt.empty(), onUnknown.stream());
  }

  @Test
  void encodeRefusesAnOpenThePeerWouldReject() {
    assertThrows(IllegalArgumentException.class, () -> codec.encode(new Frame.Open(1, "x", 0)));
    assertThrows(IllegalArgumentException.class, () -> codec.encode(new Frame.Open(1, "a b", 80)));
  }

  @Test
  void largestMessageIsAcceptedAndOneMoreIsNot() throws FrameDecodeException {
    String prefix = "{\"type\":\"data\",\"id\":\"1\",\"body\":\"";
    int room = WireLimits.MAX_V1_MESSAGE - prefix.length() - 2;
    int bodyChars = room - room % 4;
    String body = "A".repeat(bodyChars);
    String message = prefix + body + "\"}" + " ".repeat(room - bodyChars);
    assertEquals(WireLimits.MAX_V1_MESSAGE, message.length());
    assertArrayEquals(Base64.getDecoder().decode(body), ((Frame.Data) codec.decode(message)).payload());
    FrameDecodeException e = assertThrows(FrameDecodeException.class, () -> codec.decode(message + " "));
    assertEquals(Reason.TOO_LARGE, e.reason());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(null, Reason.EMPTY),
        Arguments.of("", Reason.EMPTY),
        Arguments.of("   ", Reason.MALFORMED_JSON),
        Arguments.of("not json", Reason.MALFORMED_JSON),
        Arguments.of("[]", Reason.MALFORMED_JSON),
        Arguments.of("\"open\"", Reason.MALFORMED_JSON),
        Arguments.of("42", Reason.MALFORMED_JSON),
        Arguments.of("{\"type\":\"close\",\"id\":\"1\"", Reason.MALFORMED_JSON),
        Arguments.of("{\"type\":\"close\",\"id\":\"1\"}{}", Reason.MALFORMED_JSON),
        Arguments.of("{\"type\":\"close\",\"id\":\"1\"} x", Reason.MALFORMED_JSON),
        Arguments.of("{\"type\":\"close\",\"id\":\"1\",}", Reason.MALFORMED_JSON),
        Arguments.of("{'type':'close','id':'1'}", Reason.MALFORMED_JSON),
        Arguments.of("{\"type\":\"close\",\"id\":\"\\u12\"}", Reason.MALFORMED_JSON),
        Arguments.of("[[[[[[[[[[[[1]]]]]]]]]]]]", Reason.MALFORMED_JSON),
        Arguments.of("{\"a\":[[[[[[[[[[[[1]]]]]]]]]]]],\"type\":\"close\",\"id\":\"1\"}",
            Reason.MALFORMED_JSON),
        Arguments.of("{\"id\":\"1\"}", Reason.MISSING_FIELD),
        Arguments.of("{\"type\":null,\"id\":\"1\"}", Reason.MISSING_FIELD),
        Arguments.of("{\"type\":\"close\"}", Reason.MISSING_FIELD),
        Arguments.of("{\"type\":\"close\",\"id\":\"\"}", Reason.MISSING_FIELD),
        Arguments.of("{\"type\":\"close\",\"id\":\"" + "x".repeat(129) + "\"}", Reason.BAD_STREAM_ID),
        Arguments.of("{\"type\":\"window\",\"id\":\"1\"}", Reason.UNKNOWN_TYPE),
        Arguments.of("{\"type\":\"OPEN\",\"id\":\"1\"}", Reason.UNKNOWN_TYPE),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"port\":\"443\"}", Reason.MISSING_FIELD),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"host\":\"example.com\"}", Reason.MISSING_FIELD),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"host\":\"example.com\",\"port\":\"0\"}",
            Reason.BAD_TARGET),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"host\":\"example.com\",\"port\":\"65536\"}",
            Reason.BAD_TARGET),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"host\":\"example.com\",\"port\":\"https\"}",
            Reason.BAD_TARGET),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"host\":\"example.com\",\"port\":\"-1\"}",
            Reason.BAD_TARGET),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"host\":\"\",\"port\":\"80\"}", Reason.BAD_TARGET),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"host\":\"a/b\",\"port\":\"80\"}", Reason.BAD_TARGET),
        Arguments.of("{\"type\":\"open\",\"id\":\"1\",\"host\":\"" + "a".repeat(254) + "\",\"port\":\"80\"}",
            Reason.BAD_TARGET),
        Arguments.of("{\"type\":\"data\",\"id\":\"1\"}", Reason.MISSING_FIELD),
        Arguments.of("{\"type\":\"data\",\"id\":\"1\",\"body\":\"not base64!\"}", Reason.BAD_BASE64),
        Arguments.of("{\"type\":\"data\",\"id\":\"1\",\"body\":\"Q\"}", Reason.BAD_BASE64),
        Arguments.of("{\"type\":\"data\",\"id\":\"1\",\"body\":\"QUJD\\nREVG\"}", Reason.BAD_BASE64));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void rejectsMalformedMessagesWithTheirReason(String message, Reason reason) {
    FrameDecodeException e = assertThrows(FrameDecodeException.class, () -> codec.decode(message));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  @Test
  void errorMessagesArePrintableAndShort() {
    FrameDecodeException e = assertThrows(FrameDecodeException.class,
        () -> codec.decode("{\"type\":\"\\u0000\\n" + "y".repeat(500) + "\",\"id\":\"1\"}"));
    assertTrue(e.getMessage().length() < 120, e.getMessage());
    assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20), e.getMessage());
  }
}
