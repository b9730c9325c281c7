package dev.crabbox.coordinator;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.TokenVerifier;
import dev.crabbox.coordinator.bridge.LeaseBridgeService;
import dev.crabbox.coordinator.egress.EgressService;
import dev.crabbox.coordinator.lease.LeaseService;
import dev.crabbox.coordinator.run.RunService;
import dev.crabbox.coordinator.runner.RunnerService;
import dev.crabbox.coordinator.store.CoordinatorStore;
import io.vertx.core.Vertx;

/**
 * What route contributors may use: the store, the bearer token verifier, the options, the
 * signing keys, the same lease, run, runner and egress services the {@code /v1} routes use (so a
 * contributed page enforces exactly the API's access rules), and the lease bridges (VNC and code
 * streams to a lease, for the portal).
 */
public final class CoordinatorServices {

  private final Vertx vertx;
  private final CoordinatorOptions options;
  private final CoordinatorStore store;
  private final TokenVerifier tokenVerifier;
  private final CoordinatorKeys keys;
  private final Domain domain;

  /** The coordinator's domain services, grouped to keep the constructor short. */
  public record Domain(LeaseService leases, RunService runs, RunnerService runners,
      EgressService egress, LeaseBridgeService leaseBridges) {}

  public CoordinatorServices(Vertx vertx, CoordinatorOptions options, CoordinatorStore store,
      TokenVerifier tokenVerifier, CoordinatorKeys keys, Domain domain) {
    this.vertx = vertx;
    this.options = options;
    this.store = store;
    this.tokenVerifier = tokenVerifier;
    this.keys = keys;
    this.domain = domain;
  }

  /** The lease bridge rules and streams (VNC, code). */
  public LeaseBridgeService leaseBridges() {
    return domain.leaseBridges();
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

  /** The coordinator's signing keys (derive separate keys from them for other purposes). */
  public CoordinatorKeys keys() {
    return keys;
  }

  public LeaseService leases() {
    return domain.leases();
  }

  public RunService runs() {
    return domain.runs();
  }

  public RunnerService runners() {
    return domain.runners();
  }

  public EgressService egress() {
    return domain.egress();
  }
}
