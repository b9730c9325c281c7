package dev.crabbox.coordinator.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Locale;

/** Recognises WebSocket upgrade requests (HTTP/1.1 with {@code Upgrade: websocket}). */
public final class WebSocketUpgrades {

  private WebSocketUpgrades() {}

  public static boolean isUpgrade(HttpServerRequest request) {
    String upgrade = request.getHeader(HttpHeaders.UPGRADE);
    return request.version() != HttpVersion.HTTP_2 && upgrade != null
        && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
  }
}
