package dev.crabbox.cli.runtime;

import dev.crabbox.cli.ExitCodes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command's asynchronous work on a Vert.x instance of its own and waits for it on the
 * calling (picocli) thread. Commands stay plain Future chains; only this class blocks.
 */
public final class VertxRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(VertxRuntime.class);

  private VertxRuntime() {
  }

  /** Runs one request-style piece of work and returns its result (or throws its failure). */
  public static <T> T call(Function<Vertx, Future<T>> work) {
    Vertx vertx = Vertx.vertx();
    try {
      return work.apply(vertx).await();
    } finally {
      close(vertx);
    }
  }

  /**
   * Starts a service and keeps it running until it ends by itself or {@code shutdown} fires, then
   * stops it and closes Vert.x. Returns the exit code: 0 after a requested stop, the service's own
   * code when it ended by itself; a failure (at start or later) is thrown for the error handler.
   */
  public static int runUntilShutdown(ShutdownSignal shutdown, Function<Vertx, Future<RunningService>> starter) {
    return runUntilShutdown(shutdown, () -> Future.succeededFuture(Vertx.vertx()), starter);
  }

  /**
   * Like {@link #runUntilShutdown(ShutdownSignal, Function)} on a Vert.x made by {@code vertxFactory}
   * (a clustered one, say); a factory that fails is a failed start.
   */
  public static int runUntilShutdown(ShutdownSignal shutdown, Supplier<Future<Vertx>> vertxFactory,
      Function<Vertx, Future<RunningService>> starter) {
    Vertx vertx = vertxFactory.get().await();
    Promise<Integer> outcome = Promise.promise();
    ShutdownSignal.Subscription subscription = shutdown.onShutdown(() -> outcome.tryComplete(ExitCodes.OK));
    Future<RunningService> started = start(vertx, starter);
    started.onFailure(outcome::tryFail);
    started.onSuccess(service -> service.ended().onComplete(ended -> {
      if (ended.succeeded()) {
        outcome.tryComplete(ended.result());
      } else {
        outcome.tryFail(ended.cause());
      }
    }));
    try {
      return outcome.future().await();
    } finally {
      if (started.succeeded()) {
        stop(started.result());
      }
      close(vertx);
      // Last: a JVM shutdown hook waits for this before the process ends.
      subscription.close();
    }
  }

  /** The starter's future; a starter that throws counts as a failed start (Vert.x still closes). */
  private static Future<RunningService> start(Vertx vertx, Function<Vertx, Future<RunningService>> starter) {
    try {
      return starter.apply(vertx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static void stop(RunningService service) {
    try {
      service.stop().await();
    } catch (Exception e) {
      LOG.warn("clean stop failed: {}", e.toString());
    }
  }

  private static void close(Vertx vertx) {
    try {
      vertx.close().await();
    } catch (Exception e) {
      LOG.debug("closing Vert.x failed", e);
    }
  }
}
