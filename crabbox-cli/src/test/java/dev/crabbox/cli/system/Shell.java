package dev.crabbox.cli.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command on this machine and collects its output (system-test plumbing). */
final class Shell {
  private static final long TIMEOUT_SECONDS = 60;

  /** A finished command: exit status and its stdout and stderr together. */
  record Result(int exit, String output) {
  }

  private Shell() {
  }

  static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  /** {@link #run}, failing unless the command exits 0. */
  static String check(String... command) {
    Result result = run(List.of(command));
    if (result.exit() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + result.exit() + ": " + result.output());
    }
    return result.output();
  }
}
