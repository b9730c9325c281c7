package dev.crabbox.protocol.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a provisioned lease lives: {@code {serverType, region, ssh:{host,port,user,hostKey},
 * cost:{hourly,currency}}}. Absent (null) on a lease until its provider has a machine for it.
 *
 * @param serverType the provider's machine size (e.g. {@code cx22}, {@code t3.small}, {@code local})
 * @param region the provider's location (e.g. {@code fsn1}, {@code eu-central-1}); may be empty
 * @param ssh how to reach the machine; the host key is pinned, never trusted on first use
 * @param cost the provider's list price per hour, or null when it does not publish one
 */
public record LeaseMachine(String serverType, String region, Ssh ssh, Cost cost) {

  public LeaseMachine {
    serverType = serverType == null ? "" : serverType;
    region = region == null ? "" : region;
    Objects.requireNonNull(ssh, "ssh");
  }

  /**
   * @param hostKey the server's host key as OpenSSH prints its fingerprint ({@code SHA256:…}, no
   *     padding); clients refuse any other key
   */
  public record Ssh(String host, int port, String user, String hostKey) {
    public Ssh {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(hostKey, "hostKey");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("ssh port " + port + " is out of range");
      }
    }

    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("host", host);
      json.put("port", port);
      json.put("user", user);
      json.put("hostKey", hostKey);
      return json;
    }

    public static Ssh fromJson(Map<String, Object> json) {
      Object port = json.get("port");
      return new Ssh(Fields.string(json, "host"),
          port instanceof Number n ? n.intValue() : Integer.parseInt(Fields.string(json, "port")),
          Fields.string(json, "user"), Fields.string(json, "hostKey"));
    }
  }

  /** A list price per hour; {@code hourly} is a plain decimal so no float rounding creeps in. */
  public record Cost(BigDecimal hourly, String currency) {
    public Cost {
      Objects.requireNonNull(hourly, "hourly");
      Objects.requireNonNull(currency, "currency");
    }

    /** The price of {@code hours} (fractional) of use, for estimates. */
    public BigDecimal forHours(double hours) {
      return hourly.multiply(BigDecimal.valueOf(hours));
    }

    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("hourly", hourly.toPlainString());
      json.put("currency", currency);
      return json;
    }

    public static Cost fromJson(Map<String, Object> json) {
      return new Cost(new BigDecimal(Fields.string(json, "hourly")), Fields.string(json, "currency"));
    }
  }

  /** The machine fields, flat into a lease object: serverType, region, ssh, cost. */
  void putInto(Map<String, Object> json) {
    json.put("serverType", serverType);
    json.put("region", region);
    json.put("ssh", ssh.toJson());
    if (cost != null) {
      json.put("cost", cost.toJson());
    }
  }

  /** The machine of a lease object, or null when it has no {@code ssh}. */
  static LeaseMachine fromLeaseJson(Map<String, Object> json) {
    if (json.get("ssh") == null) {
      return null;
    }
    Map<String, Object> cost = Fields.object(json, "cost");
    return new LeaseMachine(Fields.stringOrEmpty(json, "serverType"),
        Fields.stringOrEmpty(json, "region"), Ssh.fromJson(Fields.object(json, "ssh")),
        cost.isEmpty() ? null : Cost.fromJson(cost));
  }
}
