package dev.crabbox.agent.bridge;

import dev.crabbox.agent.BridgeListener;
import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.WireVersion;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one bridge connection needs, gathered from the host or proxy options.
 *
 * @param coordinator base URL (http/https; ws/wss are derived)
 * @param lease       lease id or slug, as the user gave it
 * @param role        {@code host} or {@code client} (egress), or a lease bridge kind ({@code vnc}, {@code code})
 * @param sessionId   the session the ticket was minted for, or null (informational until the
 *                    coordinator names the session in the 101)
 */
public record BridgeSettings(
    URI coordinator,
    String lease,
    String role,
    String sessionId,
    TicketSource tickets,
    WireVersion wire,
    ClientTls tls,
    Duration pingInterval,
    Duration idleTimeout,
    Duration backoffMin,
    Duration backoffMax,
    BridgeListener listener,
    Map<String, String> extraHeaders) {

  public static final String ROLE_HOST = "host";
  public static final String ROLE_CLIENT = "client";

  public BridgeSettings {
    Objects.requireNonNull(coordinator, "coordinator URL");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tickets, "ticket source");
    wire = wire == null ? WireVersion.V2 : wire;
    tls = tls == null ? ClientTls.system() : tls;
    requirePositive(pingInterval, "ping interval");
    requirePositive(idleTimeout, "idle timeout");
    requirePositive(backoffMin, "reconnect backoff minimum");
    requirePositive(backoffMax, "reconnect backoff maximum");
    if (backoffMax.compareTo(backoffMin) < 0) {
      throw new IllegalArgumentException("reconnect backoff maximum is below its minimum");
    }
    listener = listener == null ? BridgeListener.none() : listener;
    extraHeaders = BridgeHeaderRules.extraHeaders(extraHeaders);
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
