package dev.crabbox.portal.bridge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Objects;

/**
 * Whether a WebSocket upgrade to a bridge may proceed, judged by its origin: the seam where the
 * portal's own origin check plugs in (a cookie-authenticated upgrade must come from the portal's
 * own origin). Refused upgrades answer 403 {@code portal_request_origin_forbidden}.
 */
@FunctionalInterface
public interface UpgradeOriginCheck {

  boolean allows(HttpServerRequest request);

  /** Allows exactly {@code origin} (e.g. {@code https://crabbox.example}); a missing Origin is refused. */
  static UpgradeOriginCheck exactly(String origin) {
    Objects.requireNonNull(origin, "origin");
    return request -> origin.equalsIgnoreCase(request.getHeader(HttpHeaders.ORIGIN));
  }
}
