package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.protocol.api.LeaseMachine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The parts of a Cloud API server object the provider uses.
 *
 * @param id the server id
 * @param status {@code initializing}, {@code starting}, {@code running}, {@code off},
 *     {@code deleting}, …
 * @param ipv4 the public IPv4 address, or null while none is assigned
 * @param serverType the server type name ({@code cx22})
 * @param location the location name ({@code fsn1})
 * @param hourlyGross the gross hourly list price of the type at that location, or null
 */
record HetznerServer(long id, String status, String ipv4, String serverType, String location,
    BigDecimal hourlyGross) {

  /** Reads a {@code server} object as {@code GET /servers/{id}} returns it. */
  static HetznerServer fromJson(JsonObject server) {
    JsonObject type = objectOrEmpty(server, "server_type");
    String location = locationName(server);
    return new HetznerServer(server.getLong("id"), server.getString("status", ""), ipv4(server),
        type.getString("name", ""), location, hourlyGross(type, location).orElse(null));
  }

  /** Up and reachable: what {@code provision} waits for. */
  boolean ready() {
    return "running".equals(status) && ipv4 != null;
  }

  /** The list price per hour in euros, when the API published one for the location. */
  Optional<LeaseMachine.Cost> cost() {
    return Optional.ofNullable(hourlyGross)
        .map(price -> new LeaseMachine.Cost(price, "EUR"));
  }

  private static String ipv4(JsonObject server) {
    JsonObject ipv4 = objectOrEmpty(objectOrEmpty(server, "public_net"), "ipv4");
    String ip = ipv4.getString("ip");
    return ip == null || ip.isBlank() ? null : ip;
  }

  /** The server's own {@code location}, else its datacenter's (older API answers). */
  private static String locationName(JsonObject server) {
    String own = objectOrEmpty(server, "location").getString("name");
    if (own != null) {
      return own;
    }
    return objectOrEmpty(objectOrEmpty(server, "datacenter"), "location").getString("name", "");
  }

  private static Optional<BigDecimal> hourlyGross(JsonObject type, String location) {
    JsonArray prices = type.getJsonArray("prices", new JsonArray());
    for (int i = 0; i < prices.size(); i++) {
      JsonObject price = prices.getJsonObject(i);
      if (location.equals(price.getString("location"))) {
        String gross = objectOrEmpty(price, "price_hourly").getString("gross");
        try {
          return gross == null ? Optional.empty()
              : Optional.of(new BigDecimal(gross.trim()).stripTrailingZeros());
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static JsonObject objectOrEmpty(JsonObject parent, String key) {
    Object value = parent.getValue(key);
    return value instanceof JsonObject object ? object : new JsonObject();
  }
}
