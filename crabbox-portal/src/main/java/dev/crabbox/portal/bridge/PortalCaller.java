package dev.crabbox.portal.bridge;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.TokenVerifier;
import dev.crabbox.coordinator.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Who is asking, as the portal knows it: the seam between the bridge routes and the portal's
 * session. The portal resolves its session cookie here; the future fails with an
 * {@link ApiException} (401 {@code unauthorized}) when nobody is logged in.
 */
@FunctionalInterface
public interface PortalCaller {

  Future<Caller> resolve(RoutingContext ctx);

  /**
   * Resolves a coordinator bearer token ({@code Authorization: Bearer}); for embedding the
   * bridges without the portal session, and for tests.
   */
  static PortalCaller bearer(TokenVerifier verifier) {
    return ctx -> {
      Optional<String> token = BearerAuthHandler.bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
      return token.isEmpty()
          ? Future.failedFuture(ApiException.unauthorized())
          : verifier.verify(token.get()).recover(invalid -> Future.failedFuture(ApiException.unauthorized()));
    };
  }
}
