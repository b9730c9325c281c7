package dev.crabbox.protocol.frame;

import java.nio.charset.StandardCharsets;

/** UTF-8 helpers for the human-readable texts of RST and ERROR frames. */
final class FrameText {

  private FrameText() {}

  /** The UTF-8 bytes of {@code text}, cut at a character boundary to at most {@code max} bytes. */
  static byte[] utf8Limited(String text, int max) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= max) {
      return bytes;
    }
    int end = max;
    // Step back over continuation bytes (10xxxxxx) so no character is split.
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    byte[] cut = new byte[end];
    System.arraycopy(bytes, 0, cut, 0, end);
    return cut;
  }
}
