package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.ProviderContext;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code providers.hetzner} section of the coordinator config.
 *
 * @param token the Cloud API token of the project the servers live in; never logged or shown
 * @param apiUrl the API base, {@code https://api.hetzner.cloud/v1} unless pointed elsewhere
 * @param serverType the default server type ({@code cx22})
 * @param location the default location ({@code fsn1})
 * @param image the default image ({@code debian-12})
 * @param requestTimeout how long one API request may go unanswered
 * @param pollInterval the pause between two looks at a starting server
 * @param provisionTimeout how long a server may take to be running with an address
 */
public record HetznerSettings(String token, String apiUrl, String serverType, String location,
    String image, Duration requestTimeout, Duration pollInterval, Duration provisionTimeout) {

  static final String SECTION = "providers.hetzner";
  static final String DEFAULT_API_URL = "https://api.hetzner.cloud/v1";
  static final String[] TOKEN_ENV = {"HCLOUD_TOKEN", "CRABBOX_HETZNER_TOKEN"};

  private static final Set<String> KEYS = Set.of("token", "apiUrl", "serverType", "location",
      "image", "requestTimeout", "pollInterval", "provisionTimeout");
  /** Hetzner names of server types, locations and images ({@code cx22}, {@code ubuntu-24.04}). */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  public HetznerSettings {
    Objects.requireNonNull(token, "token");
    apiUrl = stripTrailingSlash(Objects.requireNonNull(apiUrl, "apiUrl"));
    Objects.requireNonNull(serverType, "serverType");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(provisionTimeout, "provisionTimeout");
  }

  /** The defaults with {@code token}. */
  public static HetznerSettings withToken(String token) {
    return new HetznerSettings(token, DEFAULT_API_URL, "cx22", "fsn1", "debian-12",
        Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofMinutes(10));
  }

  /**
   * Reads the section (and the token from {@code HCLOUD_TOKEN} or {@code CRABBOX_HETZNER_TOKEN}).
   *
   * @return empty when no token is set anywhere: the provider is not configured
   * @throws IllegalArgumentException naming the setting when a value is present but wrong
   */
  public static Optional<HetznerSettings> from(ProviderContext context) {
    String token = context.setting("token", TOKEN_ENV);
    if (token == null) {
      return Optional.empty();
    }
    JsonObject config = context.config();
    Set<String> unknown = new TreeSet<>(config.fieldNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(SECTION + " has no setting \"" + unknown.iterator().next()
          + "\"; known settings: " + String.join(", ", new TreeSet<>(KEYS)));
    }
    HetznerSettings defaults = withToken(token.trim());
    return Optional.of(new HetznerSettings(defaults.token(),
        apiUrl(config.getValue("apiUrl"), defaults.apiUrl()),
        name(config, "serverType", defaults.serverType()),
        name(config, "location", defaults.location()),
        name(config, "image", defaults.image()),
        duration(config, "requestTimeout", defaults.requestTimeout()),
        duration(config, "pollInterval", defaults.pollInterval()),
        duration(config, "provisionTimeout", defaults.provisionTimeout())));
  }

  /** Keeps the token out of logs and messages that print the settings. */
  @Override
  public String toString() {
    return "HetznerSettings[token=(hidden), apiUrl=" + apiUrl + ", serverType=" + serverType
        + ", location=" + location + ", image=" + image + ", requestTimeout="
        + ConfigDuration.format(requestTimeout) + ", pollInterval="
        + ConfigDuration.format(pollInterval) + ", provisionTimeout="
        + ConfigDuration.format(provisionTimeout) + "]";
  }

  private static String apiUrl(Object value, String fallback) {
    if (value == null) {
      return fallback;
    }
    String problem = SECTION + ".apiUrl must be an http or https URL such as \""
        + DEFAULT_API_URL + "\"; got ";
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException(problem + value);
    }
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))
          || uri.getQuery() != null || uri.getFragment() != null) {
        throw new IllegalArgumentException(problem + "\"" + text + "\"");
      }
      return text.trim();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem + "\"" + text + "\"", e);
    }
  }

  private static String name(JsonObject config, String key, String fallback) {
    Object value = config.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text) || !NAME.matcher(text.trim()).matches()) {
      throw new IllegalArgumentException(SECTION + "." + key + " must be a Hetzner name such as \""
          + fallback + "\"; got " + (value instanceof String ? "\"" + value + "\"" : value));
    }
    return text.trim();
  }

  private static Duration duration(JsonObject config, String key, Duration fallback) {
    Object value = config.getValue(key);
    return value == null ? fallback : ConfigDuration.parse(SECTION + "." + key, value);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
