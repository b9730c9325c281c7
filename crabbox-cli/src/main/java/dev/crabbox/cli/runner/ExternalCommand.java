package dev.crabbox.cli.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs another program to completion with a time limit and captures what it prints. Output goes
 * to owner-only temporary files rather than pipes, so a chatty program can never block on a full
 * pipe while we wait for it, and no reader threads are needed. Blocking: call it from a worker.
 */
final class ExternalCommand {
  /** More output than this is not a testbox list; it is refused rather than read into memory. */
  static final long MAX_OUTPUT_BYTES = 4L * 1024 * 1024;

  /** How a finished program ended. */
  record Finished(int exitCode, String stdout, String stderr) {
  }

  /** The program ran past its time limit and was killed. */
  static final class TimedOut extends Exception {
    private static final long serialVersionUID = 1L;

    TimedOut() {
      super("timed out");
    }
  }

  /** The program printed more than {@link #MAX_OUTPUT_BYTES} on one stream. */
  static final class OutputTooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    OutputTooLarge(String stream) {
      super("printed more than " + MAX_OUTPUT_BYTES / (1024 * 1024) + " MiB on " + stream);
    }
  }

  private ExternalCommand() {
  }

  /**
   * Starts {@code argv} with stdin closed and this process's environment minus {@code withheld}
   * (secrets the program has no business seeing), waits up to {@code timeout}, kills it (and
   * anything it started) when it runs longer. An {@link IOException} from the start means the
   * program could not be executed at all.
   */
  static Finished run(List<String> argv, Set<String> withheld, Duration timeout)
      throws IOException, InterruptedException, TimedOut, OutputTooLarge {
    Path stdout = Files.createTempFile("crabbox-external-", ".out");
    Path stderr = Files.createTempFile("crabbox-external-", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(argv)
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile());
      builder.environment().keySet().removeAll(withheld);
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new TimedOut();
      }
      return new Finished(process.exitValue(), read(stdout, "stdout"), read(stderr, "stderr"));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
  }

  private static String read(Path file, String stream) throws IOException, OutputTooLarge {
    if (Files.size(file) > MAX_OUTPUT_BYTES) {
      throw new OutputTooLarge(stream);
    }
    // Not Files.readString: a stray invalid byte must not turn into a decoding exception.
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
