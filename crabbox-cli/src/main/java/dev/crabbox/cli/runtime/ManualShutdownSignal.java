package dev.crabbox.cli.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A shutdown signal fired by a call to {@link #trigger()}: tests and embedding code use it to stop
 * a long-running command (coordinator serve, egress host/client) that runs in-process.
 * A subscription made after the trigger stops at once.
 */
public final class ManualShutdownSignal implements ShutdownSignal {
  private final List<Runnable> pending = new ArrayList<>();
  private boolean triggered;

  @Override
  public Subscription onShutdown(Runnable stop) {
    synchronized (this) {
      if (!triggered) {
        pending.add(stop);
        return () -> {
          synchronized (this) {
            pending.remove(stop);
          }
        };
      }
    }
    stop.run();
    return () -> {
    };
  }

  /** Asks every subscribed command to stop; later subscriptions stop immediately. */
  public void trigger() {
    List<Runnable> toRun;
    synchronized (this) {
      triggered = true;
      toRun = new ArrayList<>(pending);
      pending.clear();
    }
    toRun.forEach(Runnable::run);
  }
}
