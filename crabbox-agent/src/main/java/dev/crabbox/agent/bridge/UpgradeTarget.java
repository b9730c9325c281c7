package dev.crabbox.agent.bridge;

import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a bridge upgrades: {@code {coordinator}/v1/leases/{lease}/egress/{role}} for the egress
 * roles, {@code {coordinator}/v1/leases/{lease}/bridges/{kind}/agent} for a lease bridge kind
 * ({@code vnc}, {@code code}); ws from http and wss from https (ws/wss coordinator URLs are
 * accepted as they are).
 */
record UpgradeTarget(String host, int port, boolean ssl, String path) {

  static UpgradeTarget of(URI coordinator, String lease, String role) {
    String scheme = coordinator.getScheme() == null ? "" : coordinator.getScheme().toLowerCase();
    boolean ssl = switch (scheme) {
      case "http", "ws" -> false;
      case "https", "wss" -> true;
      default -> throw new IllegalArgumentException(
          "coordinator URL must be http(s):// or ws(s)://, got " + coordinator);
    };
    if (coordinator.getHost() == null) {
      throw new IllegalArgumentException("coordinator URL has no host: " + coordinator);
    }
    int port = coordinator.getPort() > 0 ? coordinator.getPort() : ssl ? 443 : 80;
    String base = coordinator.getRawPath() == null ? "" : coordinator.getRawPath();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String path = base + "/v1/leases/" + URLEncoder.encode(lease, StandardCharsets.UTF_8).replace("+", "%20")
        + "/" + route(role);
    return new UpgradeTarget(coordinator.getHost(), port, ssl, path);
  }

  /** The path below the lease for {@code role}: an egress role, or a lease bridge kind. */
  static String route(String role) {
    return LeaseBridgeKind.parse(role)
        .map(kind -> "bridges/" + kind.wire() + "/agent")
        .orElse("egress/" + role);
  }

  WebSocketConnectOptions connectOptions() {
    return new WebSocketConnectOptions().setHost(host).setPort(port).setSsl(ssl).setURI(path);
  }

  /** For logs: never includes credentials (they travel in headers, not the URL). */
  @Override
  public String toString() {
    return (ssl ? "wss://" : "ws://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + path;
  }
}
