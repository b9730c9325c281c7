package dev.crabbox.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FrameCodecProperties {

  @Property(tries = 500)
  void v2RoundTripsEveryValidFrame(@ForAll("anyFrame") Frame frame) throws FrameDecodeException {
    assertEquals(frame, V2Codec.decode(V2Codec.encode(frame)));
  }

  @Property(tries = 3000)
  void v2DecodeOfArbitraryBytesOnlyEverThrowsFrameDecodeException(
      @ForAll("v2ish") byte[] message) throws FrameDecodeException {
    try {
      Frame frame = V2Codec.decode(message);
      // Whatever decodes must re-encode to something that decodes to the same frame.
      assertEquals(frame, V2Codec.decode(V2Codec.encode(frame)));
    } catch (FrameDecodeException e) {
      assertNotNull(e.reason());
    }
  }

  @Property(tries = 500)
  void v1RoundTripsEveryFrameItCanCarry(@ForAll("decimalStreamFrame") Frame frame)
      throws FrameDecodeException {
    V1Codec codec = new V1Codec();
    Optional<String> text = codec.encode(frame);
    if (frame instanceof Frame.Window) {
      assertEquals(Optional.empty(), text);
      return;
    }
    Frame expected = frame instanceof Frame.Rst ? new Frame.Fin(frame.stream()) : frame;
    assertEquals(expected, codec.decode(text.orElseThrow()));
  }

  @Property(tries = 300)
  void v1TextTranslatesToV2AndBack(@ForAll("decimalStreamFrame") Frame frame)
      throws FrameDecodeException {
    V1Codec codec = new V1Codec();
    Optional<String> text = codec.encode(frame);
    if (text.isEmpty()) {
      return;
    }
    Frame fromV1 = codec.decode(text.get());
    assertEquals(fromV1, V2Codec.decode(V2Codec.encode(fromV1)));
  }

  @Property(tries = 3000)
  void v1DecodeOfArbitraryTextOnlyEverThrowsFrameDecodeException(@ForAll("v1ish") String message) {
    V1Codec codec = new V1Codec();
    try {
      Frame frame = codec.decode(message);
      assertNotNull(frame.type());
    } catch (FrameDecodeException e) {
      assertNotNull(e.reason());
    }
  }

  @Provide
  Arbitrary<Frame> anyFrame() {
    return FrameArbitraries.frames(FrameArbitraries.anyStream());
  }

  @Provide
  Arbitrary<Frame> decimalStreamFrame() {
    return FrameArbitraries.frames(FrameArbitraries.decimalStream());
  }

  /** Random bytes, mostly with a plausible type byte so the per-type decoders get exercised. */
  @Provide
  Arbitrary<byte[]> v2ish() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<byte[]> typed = Combinators.combine(
            Arbitraries.integers().between(0, 8),
            Arbitraries.bytes().array(byte[].class).ofMinSize(4).ofMaxSize(40),
            Arbitraries.of("example.com:443", "[::1]:80", "a:0", "x", "", "[::1", "\u00ff:1"))
        .as((type, tail, text) -> {
          byte[] textBytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          boolean useText = tail[0] % 2 == 0;
          byte[] payload = useText ? textBytes : java.util.Arrays.copyOfRange(tail, 4, tail.length);
          byte[] out = new byte[5 + payload.length];
          out[0] = (byte) (int) type;
          System.arraycopy(tail, 0, out, 1, 4);
          System.arraycopy(payload, 0, out, 5, payload.length);
          return out;
        });
    return Arbitraries.oneOf(raw, typed);
  }

  /** Arbitrary text, and JSON-shaped text assembled from the v1 field names and odd values. */
  @Provide
  Arbitrary<String> v1ish() {
    Arbitrary<String> key = Arbitraries.of("type", "id", "host", "port", "body", "message", "error", "x");
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("\"open\"", "\"open_ok\"", "\"data\"", "\"close\"", "\"error\"", "\"c1\"",
            "\"17\"", "\"443\"", "443", "-1", "1e999", "true", "null", "[]", "{}", "[{\"a\":[1]}]",
            "\"aGk=\"", "\"@@\"", "\"example.com\"", "\"\\u0000\"", "\"\\ud800\"", "\"", "{", "]"),
        Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""),
        Arbitraries.strings().ofMaxLength(6));
    Arbitrary<String> member = Combinators.combine(key, value).as((k, v) -> "\"" + k + "\":" + v);
    Arbitrary<String> object = member.list().ofMaxSize(6).map(FrameCodecProperties::object);
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), object,
        object.map(o -> o.substring(0, o.length() / 2)));
  }

  private static String object(List<String> members) {
    return "{" + String.join(",", members) + "}";
  }
}
