package dev.crabbox.coordinator.auth;

import dev.crabbox.coordinator.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <JWT>} and puts the {@link Caller} into the routing
 * context; anything else is 401 {@code unauthorized}.
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {

  private static final String CALLER_KEY = "crabbox.caller";

  private final TokenVerifier verifier;

  public BearerAuthHandler(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> token = bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (token.isEmpty()) {
      ctx.fail(ApiException.unauthorized());
      return;
    }
    verifier.verify(token.get()).onComplete(result -> {
      if (result.succeeded()) {
        ctx.put(CALLER_KEY, result.result());
        ctx.next();
      } else {
        ctx.fail(ApiException.unauthorized());
      }
    });
  }

  /** The authenticated caller of a request that passed this handler. */
  public static Caller caller(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER_KEY);
    if (caller == null) {
      throw ApiException.unauthorized();
    }
    return caller;
  }

  /** The token of an {@code Authorization: Bearer <token>} header value. */
  public static Optional<String> bearerToken(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.trim();
    if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = value.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
