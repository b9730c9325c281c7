package dev.crabbox.portal.bridge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Locale;

/** Recognises WebSocket upgrade requests. */
final class Upgrades {

  private Upgrades() {}

  static boolean isWebSocket(HttpServerRequest request) {
    String upgrade = request.getHeader(HttpHeaders.UPGRADE);
    return request.version() != HttpVersion.HTTP_2 && upgrade != null
        && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
  }
}
