package dev.crabbox.cli.runner;

import dev.crabbox.protocol.api.ApiTimes;
import java.util.ArrayList;
import java.util.List;

/** The {@code list --provider blacksmith-testbox} table: Blacksmith's own columns, aligned. */
final class TestboxTable {
  private static final String NONE = "-";
  private static final String GAP = "  ";

  private TestboxTable() {
  }

  /** A header row, then one row per testbox. */
  static List<String> render(List<Testbox> testboxes) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(TestboxListParser.COLUMNS);
    for (Testbox t : testboxes) {
      rows.add(List.of(t.id(), t.status(), orDash(t.repo()), orDash(t.workflow()), orDash(t.job()),
          orDash(t.ref()), ApiTimes.format(t.createdAt())));
    }
    int[] widths = new int[TestboxListParser.COLUMNS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i]) + GAP);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String orDash(String text) {
    return text == null ? NONE : text;
  }
}
