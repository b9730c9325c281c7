package dev.crabbox.cli.runtime;

import io.vertx.core.Future;

/**
 * A started long-running service (a deployed coordinator or bridge verticle).
 */
public interface RunningService {

  /**
   * Completes when the service ends by itself: with an exit code, or failed with the reason
   * (a fatal bridge failure). Never completes for a service that only ends when stopped.
   */
  Future<Integer> ended();

  /** Stops the service cleanly (undeploys its verticle). */
  Future<Void> stop();
}
