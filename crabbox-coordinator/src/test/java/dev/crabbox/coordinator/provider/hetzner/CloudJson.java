package dev.crabbox.coordinator.provider.hetzner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Cloud API objects shaped like the examples of the public API reference (docs.hetzner.cloud):
 * servers with their type, prices, datacenter and image, actions, SSH keys, error bodies and
 * pagination. Only the fake API uses them.
 */
final class CloudJson {

  static final String CREATED = "2026-11-25T17:00:00+00:00";

  /** Prices per server type and location: net and gross per hour (gross = net + 19 % VAT). */
  private static final Map<String, String[]> HOURLY = Map.of(
      "cx22", new String[] {"0.0060000000000000", "0.0071400000000000"},
      "cpx31", new String[] {"0.0208000000000000", "0.0247520000000000"});

  private CloudJson() {}

  static JsonObject server(long id, String name, String type, String location, String image,
      JsonObject labels, String status) {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("status", status)
        .put("created", CREATED)
        .put("public_net", new JsonObject()
            .put("ipv4", new JsonObject().put("id", 1000 + id).put("ip", ipv4(id))
                .put("blocked", false).put("dns_ptr", "static." + ipv4(id).replace('.', '-')
                    + ".clients.your-server.de"))
            .put("ipv6", new JsonObject().put("id", 2000 + id).put("ip", "2001:db8:" + id + "::/64")
                .put("blocked", false).put("dns_ptr", new JsonArray()))
            .put("floating_ips", new JsonArray())
            .put("firewalls", new JsonArray()))
        .put("private_net", new JsonArray())
        .put("server_type", serverType(type))
        .put("datacenter", datacenter(location))
        .put("image", image(image))
        .putNull("iso")
        .put("rescue_enabled", false)
        .put("locked", false)
        .putNull("backup_window")
        .putNull("outgoing_traffic")
        .putNull("ingoing_traffic")
        .put("included_traffic", 21990232555520L)
        .put("protection", new JsonObject().put("delete", false).put("rebuild", false))
        .put("labels", labels)
        .put("volumes", new JsonArray())
        .put("load_balancers", new JsonArray())
        .put("primary_disk_size", 40)
        .putNull("placement_group");
  }

  /** A documentation address (TEST-NET-3): data only, nothing ever connects to it. */
  static String ipv4(long id) {
    return "203.0.113." + (id % 250 + 1);
  }

  static JsonObject serverType(String name) {
    String[] hourly = HOURLY.getOrDefault(name, new String[] {"0.0100000000000000",
        "0.0119000000000000"});
    JsonArray prices = new JsonArray();
    for (String location : new String[] {"fsn1", "nbg1", "hel1"}) {
      prices.add(new JsonObject()
          .put("location", location)
          .put("price_hourly", new JsonObject().put("net", hourly[0]).put("gross", hourly[1]))
          .put("price_monthly", new JsonObject().put("net", "3.7900000000000000")
              .put("gross", "4.5101000000000000"))
          .put("included_traffic", 21990232555520L)
          .put("price_per_tb_traffic", new JsonObject().put("net", "1.0000000000000000")
              .put("gross", "1.1900000000000000")));
    }
    return new JsonObject().put("id", name.hashCode() & 0xff).put("name", name)
        .put("description", name.toUpperCase(java.util.Locale.ROOT)).put("cores", 2)
        .put("memory", 4.0).put("disk", 40).put("deprecated", false).put("prices", prices)
        .put("storage_type", "local").put("cpu_type", "shared").put("architecture", "x86")
        .putNull("deprecation");
  }

  static JsonObject datacenter(String location) {
    return new JsonObject().put("id", 4).put("name", location + "-dc14")
        .put("description", location + " DC 14")
        .put("location", new JsonObject().put("id", 1).put("name", location)
            .put("description", "Data center park " + location).put("country", "DE")
            .put("city", "Falkenstein").put("latitude", 50.47612).put("longitude", 12.370071)
            .put("network_zone", "eu-central"))
        .put("server_types", new JsonObject().put("supported", new JsonArray().add(22))
            .put("available", new JsonArray().add(22))
            .put("available_for_migration", new JsonArray().add(22)));
  }

  static JsonObject image(String name) {
    return new JsonObject().put("id", 114690387).put("type", "system").put("status", "available")
        .put("name", name).put("description", name).put("image_size", null).put("disk_size", 5)
        .put("created", "2023-06-13T06:00:02+00:00").putNull("created_from").putNull("bound_to")
        .put("os_flavor", name.replaceAll("-.*", "")).put("os_version", name.replaceAll(".*-", ""))
        .put("rapid_deploy", true).put("protection", new JsonObject().put("delete", false))
        .putNull("deprecated").put("labels", new JsonObject()).put("architecture", "x86");
  }

  static JsonObject action(long id, String command, String status, long resourceId,
      String resourceType) {
    boolean done = "success".equals(status);
    return new JsonObject().put("id", id).put("command", command).put("status", status)
        .put("progress", done ? 100 : 0).put("started", CREATED)
        .put("finished", done ? CREATED : null)
        .put("resources", new JsonArray().add(new JsonObject().put("id", resourceId)
            .put("type", resourceType)))
        .putNull("error");
  }

  static JsonObject sshKey(long id, String name, String fingerprint, String publicKey,
      JsonObject labels) {
    return new JsonObject().put("id", id).put("name", name).put("fingerprint", fingerprint)
        .put("public_key", publicKey).put("labels", labels).put("created", CREATED);
  }

  static JsonObject error(String code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code)
        .put("message", message).put("details", new JsonObject()));
  }

  static JsonObject meta(int total) {
    return new JsonObject().put("pagination", new JsonObject().put("page", 1)
        .put("per_page", 25).putNull("previous_page").putNull("next_page").put("last_page", 1)
        .put("total_entries", total));
  }
}
