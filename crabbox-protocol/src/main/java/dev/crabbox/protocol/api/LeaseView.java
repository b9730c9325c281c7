package dev.crabbox.protocol.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The flat lease object of the API: {@code {id, slug, owner, org, provider, target, state,
 * labels:{desktop,browser,code}, createdAt, updatedAt, expiresAt}}, plus the machine fields
 * ({@code serverType, region, ssh, cost}, see {@link LeaseMachine}) once the provider has a
 * machine, and {@code failure} (the provider's reason) on a failed lease.
 */
public record LeaseView(
    String id,
    String slug,
    String owner,
    String org,
    String provider,
    String target,
    String state,
    Labels labels,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    LeaseMachine machine,
    String failure) {

  /** A lease without a machine (manual, or still provisioning) and no failure. */
  public LeaseView(String id, String slug, String owner, String org, String provider,
      String target, String state, Labels labels, Instant createdAt, Instant updatedAt,
      Instant expiresAt) {
    this(id, slug, owner, org, provider, target, state, labels, createdAt, updatedAt, expiresAt,
        null, null);
  }

  /** Capabilities the lease was asked for. */
  public record Labels(boolean desktop, boolean browser, boolean code) {
    public static final Labels NONE = new Labels(false, false, false);

    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("desktop", desktop);
      json.put("browser", browser);
      json.put("code", code);
      return json;
    }

    public static Labels fromJson(Map<String, Object> json) {
      return new Labels(Fields.bool(json, "desktop"), Fields.bool(json, "browser"),
          Fields.bool(json, "code"));
    }
  }

  public LeaseView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    labels = labels == null ? Labels.NONE : labels;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("slug", slug);
    json.put("owner", owner);
    json.put("org", org);
    json.put("provider", provider);
    json.put("target", target);
    json.put("state", state);
    json.put("labels", labels.toJson());
    json.put("createdAt", ApiTimes.format(createdAt));
    json.put("updatedAt", ApiTimes.format(updatedAt));
    json.put("expiresAt", ApiTimes.format(expiresAt));
    if (machine != null) {
      machine.putInto(json);
    }
    if (failure != null && !failure.isEmpty()) {
      json.put("failure", failure);
    }
    return json;
  }

  public static LeaseView fromJson(Map<String, Object> json) {
    return new LeaseView(
        Fields.string(json, "id"),
        Fields.string(json, "slug"),
        Fields.stringOrEmpty(json, "owner"),
        Fields.stringOrEmpty(json, "org"),
        Fields.stringOrEmpty(json, "provider"),
        Fields.stringOrEmpty(json, "target"),
        Fields.stringOrEmpty(json, "state"),
        Labels.fromJson(Fields.object(json, "labels")),
        ApiTimes.parse(json.get("createdAt")),
        ApiTimes.parse(json.get("updatedAt")),
        ApiTimes.parse(json.get("expiresAt")),
        LeaseMachine.fromLeaseJson(json),
        json.get("failure") == null ? null : json.get("failure").toString());
  }
}
