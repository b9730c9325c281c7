package dev.crabbox.agent.bridge;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which extra headers (an access gateway's service token in front of the coordinator, e.g.
 * {@code CF-Access-Client-Id}) may ride on API calls and bridge upgrades: any well-formed header
 * except those Crabbox itself sets, so configuration can never replace the bearer token, a
 * ticket, a resume secret or the WebSocket handshake.
 */
public final class BridgeHeaderRules {

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> RESERVED = Set.of("authorization", "host", "connection",
      "upgrade", "content-length", "content-type", "accept", "transfer-encoding");

  private BridgeHeaderRules() {}

  /**
   * A checked copy of {@code headers}.
   *
   * @throws IllegalArgumentException naming the header that cannot be sent
   */
  public static Map<String, String> extraHeaders(Map<String, String> headers) {
    Map<String, String> checked = new LinkedHashMap<>();
    if (headers == null) {
      return Map.of();
    }
    headers.forEach((name, value) -> {
      String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
      if (!TOKEN.matcher(lower).matches()) {
        throw new IllegalArgumentException("coordinator header \"" + name + "\" is not a valid header name");
      }
      if (RESERVED.contains(lower) || lower.startsWith("sec-websocket-") || lower.startsWith("x-crabbox-")) {
        throw new IllegalArgumentException("coordinator header \"" + name + "\" is set by crabbox itself "
            + "and cannot be configured");
      }
      if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("coordinator header \"" + name + "\" needs a one-line value");
      }
      checked.put(name, value);
    });
    return Map.copyOf(checked);
  }
}
