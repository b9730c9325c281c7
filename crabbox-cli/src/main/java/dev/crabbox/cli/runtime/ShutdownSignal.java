package dev.crabbox.cli.runtime;

/**
 * How a long-running command learns that it should stop: SIGINT/SIGTERM for the real process
 * ({@link JvmShutdownSignal}), an explicit call in tests and embedding code
 * ({@link ManualShutdownSignal}).
 */
public interface ShutdownSignal {

  /**
   * Arranges for {@code stop} to run once when a stop is requested. The command closes the
   * returned subscription when it has finished cleaning up; a JVM shutdown waits for that, so
   * verticles are undeployed and sockets closed before the process ends.
   */
  Subscription onShutdown(Runnable stop);

  /** Ends interest in the signal and reports that cleanup is complete. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
