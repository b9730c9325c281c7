package dev.crabbox.cli.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** A deployed verticle seen as a {@link RunningService}: stopping it undeploys it. */
public final class DeployedService implements RunningService {
  private final Vertx vertx;
  private final String deploymentId;
  private final Future<Integer> ended;

  /**
   * @param ended completes when the verticle's work ends by itself (see {@link RunningService#ended()})
   */
  public DeployedService(Vertx vertx, String deploymentId, Future<Integer> ended) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.ended = ended;
  }

  /** A verticle that only ends when it is stopped (a server). */
  public static DeployedService untilStopped(Vertx vertx, String deploymentId) {
    return new DeployedService(vertx, deploymentId, Promise.<Integer>promise().future());
  }

  @Override
  public Future<Integer> ended() {
    return ended;
  }

  @Override
  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }
}
