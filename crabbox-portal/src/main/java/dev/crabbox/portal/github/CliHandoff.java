package dev.crabbox.portal.github;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.portal.login.CallerJson;
import dev.crabbox.portal.login.OneUseCodes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Hands a finished terminal sign-in to {@code crabbox login} without a token ever passing
 * through the browser: the browser is sent to the CLI's loopback callback with a one-use code
 * (two minutes) and the CLI's own nonce; the CLI then redeems the code with
 * {@code POST /v1/login/token} and its verifier, whose SHA-256 the login URL carried, and gets a
 * coordinator bearer token for the signed-in identity. A code seen in browser history is
 * useless without the verifier, and a page that sends the browser to the loopback port cannot
 * know the nonce. Codes live in a shared map, so in a cluster the CLI may redeem on any node.
 */
final class CliHandoff {

  static final String REDEEM_PATH = "/v1/login/token";
  static final Duration CODE_LIFETIME = Duration.ofMinutes(2);

  /** The shared map of unredeemed grants (keyed by the SHA-256 of their code). */
  static final String MAP = "crabbox.portal.cli-grants";

  private record Grant(Caller caller, String challenge) {}

  private static final OneUseCodes.Codec<Grant> GRANT_JSON = new OneUseCodes.Codec<>() {
    @Override
    public JsonObject encode(Grant grant) {
      return new JsonObject().put("caller", CallerJson.INSTANCE.encode(grant.caller()))
          .put("challenge", grant.challenge());
    }

    @Override
    public Grant decode(JsonObject json) {
      return new Grant(CallerJson.INSTANCE.decode(json.getJsonObject("caller")),
          json.getString("challenge"));
    }
  };

  private final OneUseCodes<Grant> grants;

  CliHandoff(Vertx vertx, Clock clock) {
    this.grants = new OneUseCodes<>(vertx, MAP, clock, CODE_LIFETIME, GRANT_JSON);
  }

  /** The loopback URL that hands {@code caller} to the CLI of {@code request}. */
  Future<String> handOff(CliRequest request, Caller caller) {
    return grants.mint(new Grant(caller, request.challenge())).map(request::callback);
  }

  void mount(Router router, CoordinatorServices services) {
    router.post(REDEEM_PATH).handler(BodyHandler.create(false).setBodyLimit(4096))
        .handler(ctx -> redeem(ctx, services));
  }

  private void redeem(RoutingContext ctx, CoordinatorServices services) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    String code = body == null ? null : body.getString("code");
    String verifier = body == null ? null : body.getString("verifier");
    if (code == null || verifier == null) {
      ctx.fail(ApiException.badRequest("send {\"code\": ..., \"verifier\": ...} as JSON"));
      return;
    }
    grants.redeem(code).onComplete(redeemed -> {
      if (redeemed.failed()) {
        ctx.fail(redeemed.cause());
        return;
      }
      var grant = redeemed.result();
      if (grant.isEmpty() || !MessageDigest.isEqual(challenge(verifier)
          .getBytes(StandardCharsets.US_ASCII), grant.get().challenge()
          .getBytes(StandardCharsets.US_ASCII))) {
        ctx.fail(new ApiException(401, "login_code_invalid", "The login code is unknown, used, "
            + "expired or not yours. Run crabbox login again."));
        return;
      }
      issueToken(ctx, services, grant.get().caller());
    });
  }

  private static void issueToken(RoutingContext ctx, CoordinatorServices services,
      Caller caller) {
    String token = services.keys().mintToken(caller.owner(), caller.org(), caller.role());
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new JsonObject().put("token", token).put("owner", caller.owner())
            .put("org", caller.org()).put("role", caller.role().wire()).encode());
  }

  /** base64url (no padding) of SHA-256 of the verifier: the PKCE S256 rule. */
  static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
