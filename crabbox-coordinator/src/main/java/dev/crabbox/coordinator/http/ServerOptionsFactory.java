package dev.crabbox.coordinator.http;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.List;

/** HTTP server settings: bind address, optional TLS from PEM files, bridge WebSocket limits. */
public final class ServerOptionsFactory {

  /** A v2 DATA frame (65541 bytes) must fit in one WebSocket frame, with room to spare. */
  public static final int MAX_WEBSOCKET_FRAME = 128 * 1024;
  /** A v1 JSON message may be 2 MiB; the spare KiB covers framing slack. */
  public static final int MAX_WEBSOCKET_MESSAGE = WireLimits.MAX_V1_MESSAGE + 1024;

  private ServerOptionsFactory() {}

  public static HttpServerOptions create(CoordinatorOptions options) {
    HttpServerOptions server = new HttpServerOptions()
        .setHost(options.getHost())
        .setPort(options.getPort())
        .setWebSocketSubProtocols(List.of(WireLimits.SUBPROTOCOL_V2))
        .setMaxWebSocketFrameSize(MAX_WEBSOCKET_FRAME)
        .setMaxWebSocketMessageSize(MAX_WEBSOCKET_MESSAGE);
    if (options.isTls()) {
      server.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(options.getTlsCertPath().toString())
          .setKeyPath(options.getTlsKeyPath().toString()));
    }
    return server;
  }
}
