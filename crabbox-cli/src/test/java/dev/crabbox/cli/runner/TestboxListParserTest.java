package dev.crabbox.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code blacksmith testbox list} table, as the original Crabbox CLI's tests show it. */
class TestboxListParserTest {
  private static final String COMMAND = "blacksmith testbox list";

  /** Verbatim from openclaw/crabbox internal/cli/blacksmith_test.go (TestParseBlacksmithList). */
  static final String REAL_OUTPUT = """
      ID                              STATUS  REPO      WORKFLOW                                JOB    REF   CREATED
      tbx_01kqk105g69sp8kcx31h5bgn0e  ready   openclaw  .github/workflows/ci-check-testbox.yml  check  main  2026-05-02T00:22:25.000000Z
      """;

  /** Verbatim from the same file (TestParseBlacksmithListIgnoresEmptyMessage). */
  static final String EMPTY_OUTPUT = "No active testboxes (use --all to show all org testboxes)";

  private static List<Testbox> parse(String output) {
    return TestboxListParser.parse(output, COMMAND);
  }

  private static String failure(String output) {
    return assertThrows(BlacksmithCliException.class, () -> parse(output)).getMessage();
  }

  @Test
  void readsTheRealTable() {
    assertEquals(List.of(new Testbox("tbx_01kqk105g69sp8kcx31h5bgn0e", "ready", "openclaw",
            ".github/workflows/ci-check-testbox.yml", "check", "main",
            Instant.parse("2026-05-02T00:22:25Z"))),
        parse(REAL_OUTPUT));
  }

  @Test
  void theEmptyNoticeIsNoTestboxes() {
    assertEquals(List.of(), parse(EMPTY_OUTPUT + "\n"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "\n\n", "ID  STATUS  REPO  WORKFLOW  JOB  REF  CREATED\n"})
  void nothingOrAHeaderAloneIsNoTestboxes(String output) {
    assertEquals(List.of(), parse(output));
  }

  @Test
  void aDashIsAnAbsentColumn() {
    Testbox testbox = parse("tbx_a1  queued  -  -  -  -  2026-05-02T00:22:25Z\n").get(0);

    assertEquals(new Testbox("tbx_a1", "queued", null, null, null, null,
        Instant.parse("2026-05-02T00:22:25Z")), testbox);
  }

  @Test
  void aRowWithAMissingColumnNamesTheLine() {
    String message = failure(REAL_OUTPUT + "tbx_02  ready  openclaw  ci.yml  check  2026-05-02T00:22:25Z\n");

    assertTrue(message.startsWith("cannot read the output of `blacksmith testbox list`, line 3: "
        + "expected 7 columns (ID STATUS REPO WORKFLOW JOB REF CREATED), got 6"), message);
  }

  @Test
  void aDifferentHeaderIsRefused() {
    String message = failure("ID  STATUS  REPO  CREATED\ntbx_1  ready  r  2026-05-02T00:22:25Z\n");

    assertTrue(message.contains("line 1: expected the header ID STATUS REPO WORKFLOW JOB REF CREATED"),
        message);
  }

  @Test
  void anUnknownLineIsRefusedAndQuoted() {
    String message = failure("Error: not logged in\n");

    assertTrue(message.contains("line 1: expected a header, a testbox row (tbx_...) or \"No active "
        + "testboxes\"; the line was: Error: not logged in"), message);
  }

  @Test
  void aCreatedTimeThatIsNotIsoIsRefused() {
    String message = failure("tbx_1  ready  r  w  j  main  yesterday\n");

    assertTrue(message.contains("CREATED \"yesterday\" is not an ISO-8601 UTC time"), message);
  }

  @Test
  void aTestboxListedTwiceIsRefused() {
    String row = "tbx_1  ready  r  w  j  main  2026-05-02T00:22:25Z\n";

    assertTrue(failure(row + row).contains("line 2: testbox tbx_1 is listed twice"));
  }

  @Test
  void theEmptyNoticeNextToRowsIsRefused() {
    String message = failure(EMPTY_OUTPUT + "\ntbx_1  ready  r  w  j  main  2026-05-02T00:22:25Z\n");

    assertTrue(message.contains("it says there are no testboxes and lists some"), message);
  }
}
