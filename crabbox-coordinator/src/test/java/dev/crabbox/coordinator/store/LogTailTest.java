package dev.crabbox.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTailTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void cutsJustAfterTheFirstLineEndPastTheExcess() {
    assertEquals(4, LogTail.cutPoint(utf8("abc\ndef\n"), 4));
    assertEquals(4, LogTail.cutPoint(utf8("abc\ndef\n"), 2));
    assertEquals(8, LogTail.cutPoint(utf8("abc\ndef\n"), 5));
    assertEquals(0, LogTail.cutPoint(utf8("abc"), 0));
  }

  @Test
  void withoutALineEndCutsAtTheNextCharacterBoundary() {
    assertEquals(2, LogTail.cutPoint(utf8("abcdef"), 2));
    byte[] accented = utf8("aéb");
    assertEquals(3, LogTail.cutPoint(accented, 2), "never inside é");
    assertEquals(accented.length, LogTail.cutPoint(accented, 99));
  }

  @Test
  void piecesNeverSplitASurrogatePair() {
    String text = "ab\uD83D\uDE00cd";
    List<String> pieces = LogTail.pieces(text, 3);
    assertEquals(List.of("ab", "\uD83D\uDE00c", "d"), pieces);
    assertEquals(List.of(), LogTail.pieces("", 3));
  }
}
