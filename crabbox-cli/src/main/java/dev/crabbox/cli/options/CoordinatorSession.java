package dev.crabbox.cli.options;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.runtime.VertxRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A resolved coordinator and the bearer token to call it with.
 *
 * @param target the coordinator URL, TLS trust and provider label
 * @param token the bearer token
 */
public record CoordinatorSession(CoordinatorTarget target, String token) {

  /** Runs one request-style piece of work against the coordinator API and waits for its result. */
  public <T> T call(Function<CoordinatorClient, Future<T>> work) {
    return callWithVertx((vertx, client) -> work.apply(client));
  }

  /** Like {@link #call(Function)}, for work that also needs Vert.x (timers, blocking steps). */
  public <T> T callWithVertx(BiFunction<Vertx, CoordinatorClient, Future<T>> work) {
    return VertxRuntime.call(vertx -> {
      CoordinatorClient client = target.client(vertx, token);
      return work.apply(vertx, client).eventually(client::close);
    });
  }
}
