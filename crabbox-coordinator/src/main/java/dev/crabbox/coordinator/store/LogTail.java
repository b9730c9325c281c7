package dev.crabbox.coordinator.store;

import java.util.ArrayList;
import java.util.List;

/** Pure helpers for the retained log tail: chunking appended text and cutting its front. */
public final class LogTail {

  /** Longest chunk stored in one row, in chars (the column holds up to 1,000,000). */
  static final int MAX_CHUNK_CHARS = 256 * 1024;

  private LogTail() {}

  /** {@code text} in pieces of at most {@code max} chars, never splitting a surrogate pair. */
  static List<String> pieces(String text, int max) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + max);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  /**
   * Where to cut the front of {@code bytes} (UTF-8) to drop at least {@code excess} bytes: just
   * after the first line end at or after the cut, when there is one; otherwise at the next
   * character boundary. The answer may be {@code bytes.length} (drop everything).
   */
  public static int cutPoint(byte[] bytes, long excess) {
    if (excess <= 0) {
      return 0;
    }
    if (excess >= bytes.length) {
      return bytes.length;
    }
    int at = (int) excess;
    for (int i = at - 1; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    while (at < bytes.length && (bytes[at] & 0xC0) == 0x80) {
      at++;
    }
    return at;
  }
}
