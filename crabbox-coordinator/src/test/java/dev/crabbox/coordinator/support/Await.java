package dev.crabbox.coordinator.support;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks the test thread (never an event loop) on a future, with a generous safety bound. */
public final class Await {

  private Await() {}

  public static <T> T result(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("future did not complete", e);
    }
  }

  /** The failure of a future that must fail. */
  public static Throwable failure(Future<?> future) {
    try {
      future.await(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("future did not complete", e);
    } catch (Exception e) {
      return future.cause() != null ? future.cause() : e;
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }
}
