package dev.crabbox.coordinator;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.auth.TokenVerifier;
import dev.crabbox.coordinator.store.CoordinatorStore;
import io.vertx.core.Vertx;

/** What route contributors may use: the store, the bearer token verifier, and the options. */
public final class CoordinatorServices {

  private final Vertx vertx;
  private final CoordinatorOptions options;
  private final CoordinatorStore store;
  private final TokenVerifier tokenVerifier;

  public CoordinatorServices(Vertx vertx, CoordinatorOptions options, CoordinatorStore store,
      TokenVerifier tokenVerifier) {
    this.vertx = vertx;
    this.options = options;
    this.store = store;
    this.tokenVerifier = tokenVerifier;
  }

  public Vertx vertx() {
    return vertx;
  }

  public CoordinatorOptions options() {
    return options;
  }

  public CoordinatorStore store() {
    return store;
  }

  public TokenVerifier tokenVerifier() {
    return tokenVerifier;
  }

  /** A handler that requires a valid bearer token, for contributed API-style routes. */
  public BearerAuthHandler bearerAuth() {
    return new BearerAuthHandler(tokenVerifier);
  }
}
