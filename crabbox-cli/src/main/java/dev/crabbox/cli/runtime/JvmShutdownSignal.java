package dev.crabbox.cli.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops on SIGINT/SIGTERM through a JVM shutdown hook. The hook asks the command to stop and then
 * holds the JVM open until the command reports that its cleanup is done (bounded by a grace
 * period, so a stuck cleanup cannot keep the process alive forever).
 */
public final class JvmShutdownSignal implements ShutdownSignal {
  private final Duration cleanupGrace;

  public JvmShutdownSignal(Duration cleanupGrace) {
    this.cleanupGrace = cleanupGrace;
  }

  @Override
  public Subscription onShutdown(Runnable stop) {
    CountDownLatch cleanedUp = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.run();
      try {
        cleanedUp.await(cleanupGrace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "crabbox-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      cleanedUp.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shutdownInProgress) {
        // The hook is running: it has just been released by the latch above.
      }
    };
  }
}
