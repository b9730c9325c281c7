package dev.crabbox.coordinator;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.auth.TokenVerifier;
import dev.crabbox.coordinator.bridge.LeaseBridgeService;
import dev.crabbox.coordinator.store.CoordinatorStore;
import io.vertx.core.Vertx;

/**
 * What route contributors may use: the store, the bearer token verifier, the options, and the
 * lease bridges (VNC and code streams to a lease, for the portal).
 */
public final class CoordinatorServices {

  private final Vertx vertx;
  private final CoordinatorOptions options;
  private final CoordinatorStore store;
  private final TokenVerifier tokenVerifier;
  private final LeaseBridgeService leaseBridges;

  public CoordinatorServices(Vertx vertx, CoordinatorOptions options, CoordinatorStore store,
      TokenVerifier tokenVerifier) {
    this(vertx, options, store, tokenVerifier, null);
  }

  public CoordinatorServices(Vertx vertx, CoordinatorOptions options, CoordinatorStore store,
      TokenVerifier tokenVerifier, LeaseBridgeService leaseBridges) {
    this.vertx = vertx;
    this.options = options;
    this.store = store;
    this.tokenVerifier = tokenVerifier;
    this.leaseBridges = leaseBridges;
  }

  /** The lease bridge rules and streams (VNC, code); the coordinator always provides them. */
  public LeaseBridgeService leaseBridges() {
    if (leaseBridges == null) {
      throw new IllegalStateException("these services were built without lease bridges");
    }
    return leaseBridges;
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
