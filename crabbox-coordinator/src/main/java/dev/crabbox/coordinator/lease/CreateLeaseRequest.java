package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.JsonBodies;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Body of {@code POST /v1/leases}, all optional: {@code {provider, target, ttl, idleTimeout,
 * labels:{desktop,browser,code}}}. Only the {@code manual} provider exists so far.
 */
public record CreateLeaseRequest(
    String provider,
    String target,
    Optional<Duration> ttl,
    Optional<Duration> idleTimeout,
    LeaseView.Labels labels) {

  public static final String MANUAL = "manual";
  public static final String DEFAULT_TARGET = "linux";
  /** TTL and idle timeout are capped here: a longer request gets this much, as in the original. */
  static final Duration MAX_DURATION = Duration.ofHours(24);

  public static CreateLeaseRequest parse(JsonObject body) {
    String provider = orDefault(JsonBodies.optionalString(body, "provider"), MANUAL);
    if (!MANUAL.equals(provider)) {
      throw ApiException.badRequest("provider \"" + provider + "\" is not available on this "
          + "coordinator yet; only \"manual\" leases can be created");
    }
    String target = orDefault(JsonBodies.optionalString(body, "target"), DEFAULT_TARGET);
    if (!target.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      throw ApiException.badRequest("\"target\" must be a short lower-case name such as \"linux\"");
    }
    try {
      return new CreateLeaseRequest(provider, target,
          duration(body, "ttl"), duration(body, "idleTimeout"), labels(body));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
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
