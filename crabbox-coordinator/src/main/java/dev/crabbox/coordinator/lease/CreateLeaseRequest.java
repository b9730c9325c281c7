package dev.crabbox.coordinator.lease;

import dev.crabbox.protocol.time.DurationText;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.JsonBodies;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import dev.crabbox.protocol.capability.Capability;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Body of {@code POST /v1/leases}, all optional: {@code {provider, target, ttl, idleTimeout,
 * labels:{desktop,browser,code}, sshPublicKey, options:{...}}}. Without a provider it is a
 * {@code manual} lease (active at once, no machine); whether a provider is enabled is the lease
 * service's question, not the parser's.
 *
 * @param sshPublicKey the operator's OpenSSH public key line to authorize on the machine, or ""
 * @param options provider-specific string options (e.g. {@code host} for static)
 */
public record CreateLeaseRequest(
    String provider,
    String target,
    Optional<Duration> ttl,
    Optional<Duration> idleTimeout,
    LeaseView.Labels labels,
    String sshPublicKey,
    Map<String, String> options) {

  public static final String MANUAL = "manual";
  public static final String DEFAULT_TARGET = "linux";
  /** TTL and idle timeout are capped here: a longer request gets this much, as in the original. */
  public static final Duration MAX_DURATION = Duration.ofHours(24);

  public static CreateLeaseRequest parse(JsonObject body) {
    String provider = orDefault(JsonBodies.optionalString(body, "provider"), MANUAL)
        .toLowerCase(Locale.ROOT);
    if (!provider.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      throw ApiException.badRequest("\"provider\" must be a provider name such as \"local\"");
    }
    String target = orDefault(JsonBodies.optionalString(body, "target"), DEFAULT_TARGET);
    try {
      target = LeaseTarget.parse(target).wireName();
      String key = orDefault(JsonBodies.optionalString(body, "sshPublicKey"), "");
      if (!key.isEmpty()) {
        SshPublicKeys.blob(key);
      }
      return new CreateLeaseRequest(provider, target,
          duration(body, "ttl"), duration(body, "idleTimeout"), labels(body), key,
          options(body));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** The requested capabilities, for the provider feature check. */
  public Set<Capability> capabilities() {
    Set<Capability> requested = EnumSet.noneOf(Capability.class);
    if (labels.desktop()) {
      requested.add(Capability.DESKTOP);
    }
    if (labels.browser()) {
      requested.add(Capability.BROWSER);
    }
    if (labels.code()) {
      requested.add(Capability.CODE);
    }
    return requested;
  }

  private static Map<String, String> options(JsonObject body) {
    Object value = body.getValue("options");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject options)) {
      throw new IllegalArgumentException("\"options\" must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : options.fieldNames()) {
      Object option = options.getValue(key);
      if (!(option instanceof String) || !key.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")
          || ((String) option).length() > 256) {
        throw new IllegalArgumentException("\"options." + key + "\" must be a short string");
      }
      out.put(key, (String) option);
    }
    return out;
  }

  private static Optional<Duration> duration(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    Duration d = DurationText.parse(field, value);
    return Optional.of(d.compareTo(MAX_DURATION) > 0 ? MAX_DURATION : d);
  }

  private static LeaseView.Labels labels(JsonObject body) {
    Object value = body.getValue("labels");
    if (value == null) {
      return LeaseView.Labels.NONE;
    }
    if (!(value instanceof JsonObject labels)) {
      throw new IllegalArgumentException("\"labels\" must be an object of booleans");
    }
    return new LeaseView.Labels(flag(labels, "desktop"), flag(labels, "browser"), flag(labels, "code"));
  }

  private static boolean flag(JsonObject labels, String name) {
    Object value = labels.getValue(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("\"labels." + name + "\" must be a boolean");
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
