package dev.crabbox.cli.work;

import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.ShellWords;
import dev.crabbox.protocol.run.JunitReports;
import dev.crabbox.protocol.run.JunitSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JUnit XML files a run left on the lease and sums them up. The glob is expanded by the
 * lease's shell, relative to the directory commands run in ({@code target/surefire-reports/*.xml},
 * {@code *}{@code /build/test-results/test/*.xml}). A file that is not a report is skipped with a
 * warning.
 */
final class JunitFiles {
  /** Larger report files are skipped: a summary is not worth pulling hundreds of MiB over SSH. */
  static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

  private JunitFiles() {
  }

  /** The summary of the matching files, or empty (with a warning) when none matched. */
  static Optional<JunitSummary> collect(LeaseShell shell, String glob, PrintWriter err) throws IOException {
    LeaseShell.Captured listed = shell.capture("for f in " + glob + "; do if [ -f \"$f\" ] && "
        + "[ $(wc -c < \"$f\") -le " + MAX_FILE_BYTES + " ]; then printf '%s\\n' \"$f\"; fi; done");
    List<String> files = listed.out().lines().filter(line -> !line.isBlank()).toList();
    if (files.isEmpty()) {
      warn(err, "no JUnit report matched " + glob + " on the lease" + (listed.err().isBlank() ? ""
          : " (" + listed.err().strip() + ")"));
      return Optional.empty();
    }
    JunitSummary total = JunitSummary.EMPTY;
    for (String file : files) {
      LeaseShell.Captured text = shell.capture("cat -- " + ShellWords.quote(file));
      if (text.exitCode() != 0) {
        warn(err, "cannot read " + file + " on the lease: " + text.err().strip());
        continue;
      }
      try {
        total = total.plus(JunitReports.parse(text.out()));
      } catch (IllegalArgumentException e) {
        warn(err, "skipping " + file + ": " + e.getMessage());
      }
    }
    return Optional.of(total);
  }

  private static void warn(PrintWriter err, String message) {
    err.println("crabbox: warning: " + message);
    err.flush();
  }
}
