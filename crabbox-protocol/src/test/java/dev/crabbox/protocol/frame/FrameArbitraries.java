package dev.crabbox.protocol.frame;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid frames for the codec properties. */
final class FrameArbitraries {

  private FrameArbitraries() {}

  static Arbitrary<Frame> frames(Arbitrary<Integer> streams) {
    return Arbitraries.oneOf(
        Combinators.combine(streams, hosts(), Arbitraries.integers().between(1, 65535))
            .as(Frame.Open::new),
        streams.map(Frame.OpenOk::new),
        Combinators.combine(streams, payloads()).as(Frame.Data::new),
        streams.map(Frame.Fin::new),
        Combinators.combine(streams, texts()).as(Frame.Rst::new),
        Combinators.combine(streams, texts()).as(Frame.Error::new),
        Combinators.combine(streams, Arbitraries.integers().between(1, Integer.MAX_VALUE))
            .as(Frame.Window::new));
  }

  static Arbitrary<Integer> anyStream() {
    return Arbitraries.integers();
  }

  /** Streams v1 maps to themselves (canonical decimal ids below 2^31). */
  static Arbitrary<Integer> decimalStream() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE);
  }

  static Arbitrary<String> hosts() {
    Arbitrary<String> names = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        .ofMinLength(1).ofMaxLength(WireLimits.MAX_HOST_LENGTH);
    Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
        .map(groups -> String.join(":", groups.stream().map(Integer::toHexString).toList()));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, names), net.jqwik.api.Tuple.of(1, v6),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("::1", "example.com", "fe80::1%eth0")));
  }

  static Arbitrary<byte[]> payloads() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, Arbitraries.bytes().array(byte[].class).ofMaxSize(512)),
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class)
            .ofMinSize(WireLimits.MAX_DATA_PAYLOAD - 8).ofMaxSize(WireLimits.MAX_DATA_PAYLOAD)));
  }

  /** Texts without lone surrogates, which no UTF-8 encoder can carry. */
  static Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
        .ofMaxLength(300);
  }
}
