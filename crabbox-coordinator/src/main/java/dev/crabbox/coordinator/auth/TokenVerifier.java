package dev.crabbox.coordinator.auth;

import io.vertx.core.Future;

/** Checks a bearer token and names its holder; fails for anything but a valid token. */
public interface TokenVerifier {

  Future<Caller> verify(String bearerToken);
}
