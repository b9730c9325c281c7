package dev.crabbox.cli.options;

import dev.crabbox.cli.error.CoordinatorUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;

/** Reads a coordinator answer into its API record; an unreadable answer is a coordinator error. */
public final class ApiAnswers {
  private ApiAnswers() {
  }

  /** {@code reader} applied to {@code json}; {@code what} names the answer in the error message. */
  public static <T> Future<T> read(JsonObject json, Function<Map<String, Object>, T> reader, String what) {
    try {
      return Future.succeededFuture(reader.apply(json.getMap()));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Future.failedFuture(new CoordinatorUnavailableException(
          "the coordinator answered an unreadable " + what + ": " + e.getMessage(), e));
    }
  }
}
