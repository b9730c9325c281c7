package dev.crabbox.cli.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crabbox.cli.ssh.ShellWords;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The small rules of the workflows: intervals, durations, quoting, progress lines. */
class WorkflowPartsTest {

  @Test
  void heartbeatIsAThirdOfTheIdleTimeoutClampedToFiveToSixtySeconds() {
    assertEquals(Duration.ofSeconds(60), RunUpkeep.heartbeatInterval(Duration.ofMinutes(30)));
    assertEquals(Duration.ofSeconds(20), RunUpkeep.heartbeatInterval(Duration.ofSeconds(60)));
    assertEquals(Duration.ofSeconds(5), RunUpkeep.heartbeatInterval(Duration.ofSeconds(6)));
  }

  @Test
  void durationsReadAsTheApiWritesThem() {
    DurationConverter converter = new DurationConverter();
    assertEquals(Duration.ofMinutes(90), converter.convert("90m"));
    assertEquals(Duration.ofMinutes(90), converter.convert("1h30m"));
    assertEquals(Duration.ofSeconds(45), converter.convert("45"));
    assertEquals(Duration.ofMillis(250), converter.convert("250ms"));
    assertThrows(TypeConversionException.class, () -> converter.convert("soon"));
    assertThrows(TypeConversionException.class, () -> converter.convert("0s"));
    assertEquals("1h30m", DurationConverter.wire(Duration.ofMinutes(90)));
    assertEquals("1s", DurationConverter.wire(Duration.ofMillis(200)));
  }

  @Test
  void shellWordsQuoteOnlyWhatNeedsIt() {
    assertEquals("make", ShellWords.quote("make"));
    assertEquals("''", ShellWords.quote(""));
    assertEquals("'a b'", ShellWords.quote("a b"));
    assertEquals("'it'\\''s'", ShellWords.quote("it's"));
    assertEquals("make && ./test", ShellWords.commandLine(List.of("make && ./test")));
    assertEquals("ls -la 'my dir'", ShellWords.commandLine(List.of("ls", "-la", "my dir")));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DISPLAY", ":99");
    env.put("CRABBOX_DESKTOP", "1");
    assertEquals("export DISPLAY=:99 CRABBOX_DESKTOP=1; true", ShellWords.withEnvironment(env, "true"));
    assertEquals("true", ShellWords.withEnvironment(Map.of(), "true"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.withEnvironment(Map.of("A B", "x"), "true"));
  }

  @Test
  void progressPrintsAStepOnceUntilItChanges() {
    StringWriter text = new StringWriter();
    ProgressLine progress = new ProgressLine(new PrintWriter(text, true));
    progress.step("provisioning lease cbx_1 (blue-crab)");
    progress.step("provisioning lease cbx_1 (blue-crab)");
    progress.step("waiting for SSH on me@127.0.0.1:22");
    String[] lines = text.toString().split("\n");
    assertEquals(2, lines.length, text.toString());
    assertEquals(true, lines[0].matches("provisioning lease cbx_1 \\(blue-crab\\) \\(\\d+s\\)"), lines[0]);
    assertEquals(true, lines[1].startsWith("waiting for SSH on me@127.0.0.1:22 ("), lines[1]);
  }
}
