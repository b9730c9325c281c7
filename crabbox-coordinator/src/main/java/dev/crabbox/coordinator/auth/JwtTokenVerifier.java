package dev.crabbox.coordinator.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/** Verifies the coordinator's own HS256 bearer tokens with Vert.x Auth JWT. */
public final class JwtTokenVerifier implements TokenVerifier {

  /** Tolerated clock skew for {@code iat}, in seconds. */
  private static final int LEEWAY_SECONDS = 60;

  private final JWTAuth auth;

  public JwtTokenVerifier(Vertx vertx, CoordinatorKeys keys) {
    this.auth = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(keys.verificationKey())
        .setJWTOptions(new JWTOptions().setLeeway(LEEWAY_SECONDS)));
  }

  @Override
  public Future<Caller> verify(String bearerToken) {
    if (bearerToken == null || bearerToken.isEmpty()) {
      return Future.failedFuture("no bearer token");
    }
    return auth.authenticate(new TokenCredentials(bearerToken))
        .compose(user -> callerOf(user.principal()));
  }

  private static Future<Caller> callerOf(JsonObject claims) {
    String owner = claims.getString("sub");
    if (owner == null || owner.isBlank()) {
      return Future.failedFuture("token has no subject");
    }
    try {
      Object org = claims.getValue("org");
      return Future.succeededFuture(new Caller(owner, org == null ? "" : org.toString(),
          Role.parse(claims.getString("role"))));
    } catch (IllegalArgumentException | ClassCastException e) {
      return Future.failedFuture("token has no valid role");
    }
  }
}
