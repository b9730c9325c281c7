package dev.crabbox.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: everything it shows must really have happened. */
@Timeout(180)
class DemoCommandTest {

  @Test
  void warmsALocalLeaseRunsACommandBridgesEgressAndStops(@TempDir Path home) {
    CliRunner.Result demo = new CliRunner(home).run("demo");

    assertEquals(0, demo.exitCode(), demo.out() + demo.err());
    String out = demo.out();
    assertTrue(Pattern.compile("crabbox warmup --provider local -> lease cbx_[0-9a-f]{12} \\(\\S+\\) "
        + "active, ssh crabbox@127\\.0\\.0\\.1:\\d+, host key SHA256:\\S+ \\(pinned\\)").matcher(out)
        .find(), out);
    assertTrue(out.contains("demo:   | hello from Linux in cbx_"), out);
    assertTrue(Pattern.compile("run run_[0-9a-f]{12} recorded: state succeeded, exit 0, events "
        + "\\[run\\.started, command\\.started, command\\.finished\\]").matcher(out).find(), out);
    assertTrue(out.contains("host=true client=true"), out);
    assertTrue(out.contains("the origin never saw it"), out);
    assertTrue(Pattern.compile("crabbox stop \\S+ -> released").matcher(out).find(), out);
    assertTrue(out.endsWith("demo: stopped cleanly\n") || out.endsWith("demo: stopped cleanly\r\n"), out);
  }
}
