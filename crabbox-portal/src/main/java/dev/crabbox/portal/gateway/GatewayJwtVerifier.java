package dev.crabbox.portal.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Verifies the gateway's JWT: signature against the gateway's public keys (inline, or its JWKS
 * fetched and cached for ten minutes), audience, issuer and expiry (Vert.x Auth JWT). When a
 * JWT does not verify with cached keys older than a minute, the keys are fetched once more and
 * the JWT checked again, so that a key rotation does not lock people out for ten minutes.
 * Answers the JWT's claims.
 */
final class GatewayJwtVerifier {

  private static final Duration CACHE = Duration.ofMinutes(10);
  private static final Duration REFRESH_AFTER_FAILURE = Duration.ofMinutes(1);
  private static final int TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final GatewaySettings settings;
  private final Clock clock;
  private final WebClient web;
  private Future<JWTAuth> cached;
  private Instant fetchedAt = Instant.MIN;

  GatewayJwtVerifier(Vertx vertx, GatewaySettings settings, Clock clock) {
    this.vertx = vertx;
    this.settings = settings;
    this.clock = clock;
    this.web = settings.keys().isEmpty() ? WebClient.create(vertx) : null;
  }

  Future<JsonObject> verify(String jwt) {
    return verifier(false).compose(auth -> check(auth, jwt)).recover(failure -> {
      boolean stale = web != null
          && fetchedAt.plus(REFRESH_AFTER_FAILURE).isBefore(clock.instant());
      return stale ? verifier(true).compose(auth -> check(auth, jwt))
          : Future.failedFuture(failure);
    });
  }

  private static Future<JsonObject> check(JWTAuth auth, String jwt) {
    return auth.authenticate(new TokenCredentials(jwt)).map(user -> user.principal());
  }

  private synchronized Future<JWTAuth> verifier(boolean refresh) {
    Instant now = clock.instant();
    if (cached != null && (web == null || !refresh && fetchedAt.plus(CACHE).isAfter(now))) {
      return cached;
    }
    fetchedAt = now;
    Future<List<JsonObject>> keys = web == null ? Future.succeededFuture(settings.keys())
        : web.getAbs(settings.jwksUrl().toString()).timeout(TIMEOUT_MS).send().compose(response -> {
          JsonArray array = response.statusCode() == 200
              ? response.bodyAsJsonObject().getJsonArray("keys") : null;
          return array == null ? Future.failedFuture("the gateway's key set at "
              + settings.jwksUrl() + " answered HTTP " + response.statusCode()
              + " without a keys list") : Future.succeededFuture(array.stream()
              .filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList());
        });
    cached = keys.map(jwks -> JWTAuth.create(vertx, new JWTAuthOptions().setJwks(jwks)
        .setJWTOptions(new JWTOptions().setAudience(List.of(settings.audience()))
            .setIssuer(settings.issuer()))));
    Future<JWTAuth> fetching = cached;
    // A failed fetch is not kept: the next sign-in tries again.
    fetching.onFailure(failure -> forget(fetching));
    return fetching;
  }

  private synchronized void forget(Future<JWTAuth> failed) {
    if (cached == failed) {
      cached = null;
    }
  }
}
