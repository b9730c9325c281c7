package dev.crabbox.cli.runtime;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Helpers for commands that run a fixed script of asynchronous steps from the command's own
 * thread (demo, bench) — never from an event loop.
 */
public final class Blocking {
  private Blocking() {}

  /** Waits for {@code future}; a failure is rethrown as its cause, a timeout names the step. */
  public static <T> T await(Future<T> future, long seconds, String step) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new TimeoutException(step + " did not finish within " + seconds + " s");
    }
  }

  /** Deletes a directory tree that this process created (temporary data dirs). */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
