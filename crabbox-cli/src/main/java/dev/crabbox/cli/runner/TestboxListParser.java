package dev.crabbox.cli.runner;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the table {@code blacksmith testbox list} prints. The format is taken from the original
 * Crabbox Go CLI (openclaw/crabbox, {@code parseBlacksmithList} in internal/cli/blacksmith.go and
 * its tests), which parses the Blacksmith CLI's output: a header row, then one whitespace-separated
 * row per testbox, for example
 *
 * <pre>
 * ID                              STATUS  REPO      WORKFLOW                                JOB    REF   CREATED
 * tbx_01kqk105g69sp8kcx31h5bgn0e  ready   openclaw  .github/workflows/ci-check-testbox.yml  check  main  2026-05-02T00:22:25.000000Z
 * </pre>
 *
 * <p>and, with no testbox, the single line {@code No active testboxes (use --all to show all org
 * testboxes)}. Statuses progress queued, hydrating, ready, completed (docs.blacksmith.sh, Testbox
 * CLI reference).
 *
 * <p>Unlike the original, which skips lines it does not recognise, this parser refuses them: the
 * list is synced and rows a sync does not report become stale, so output of a changed format must
 * stop the sync instead of silently dropping testboxes.
 */
public final class TestboxListParser {
  /** The header the Blacksmith CLI prints, column by column. */
  public static final List<String> COLUMNS =
      List.of("ID", "STATUS", "REPO", "WORKFLOW", "JOB", "REF", "CREATED");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int QUOTED_LINE_CHARS = 120;

  private TestboxListParser() {
  }

  /** The testboxes in {@code output}; a {@link BlacksmithCliException} naming the bad line. */
  public static List<Testbox> parse(String output, String command) {
    List<Testbox> testboxes = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    boolean header = false;
    boolean emptyNotice = false;
    String[] lines = output.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> fields = List.of(WHITESPACE.split(line));
      if (fields.get(0).equals(COLUMNS.get(0))) {
        if (header || !testboxes.isEmpty() || !fields.equals(COLUMNS)) {
          throw unreadable(command, i, line, "expected the header " + String.join(" ", COLUMNS)
              + " once, before the rows");
        }
        header = true;
      } else if (ExternalRunnerIds.isTestbox(fields.get(0))) {
        Testbox testbox = row(fields, command, i, line);
        if (!ids.add(testbox.id())) {
          throw unreadable(command, i, line, "testbox " + testbox.id() + " is listed twice");
        }
        testboxes.add(testbox);
      } else if (line.startsWith("No ") && line.contains("testboxes") && !header && !emptyNotice) {
        emptyNotice = true;
      } else {
        throw unreadable(command, i, line, "expected a header, a testbox row (tbx_...) or "
            + "\"No active testboxes\"");
      }
    }
    if (emptyNotice && !testboxes.isEmpty()) {
      throw new BlacksmithCliException("cannot read the output of `" + command
          + "`: it says there are no testboxes and lists some");
    }
    return testboxes;
  }

  private static Testbox row(List<String> fields, String command, int index, String line) {
    if (fields.size() != COLUMNS.size()) {
      throw unreadable(command, index, line, "expected " + COLUMNS.size() + " columns ("
          + String.join(" ", COLUMNS) + "), got " + fields.size());
    }
    Instant created;
    try {
      created = Instant.parse(fields.get(6));
    } catch (DateTimeParseException e) {
      throw unreadable(command, index, line, "CREATED \"" + fields.get(6)
          + "\" is not an ISO-8601 UTC time");
    }
    return new Testbox(fields.get(0), fields.get(1), optional(fields.get(2)), optional(fields.get(3)),
        optional(fields.get(4)), optional(fields.get(5)), created);
  }

  private static String optional(String field) {
    return "-".equals(field) ? null : field;
  }

  private static BlacksmithCliException unreadable(String command, int index, String line, String why) {
    String quoted = line.length() > QUOTED_LINE_CHARS ? line.substring(0, QUOTED_LINE_CHARS) + "..." : line;
    return new BlacksmithCliException("cannot read the output of `" + command + "`, line "
        + (index + 1) + ": " + why + "; the line was: " + quoted);
  }
}
