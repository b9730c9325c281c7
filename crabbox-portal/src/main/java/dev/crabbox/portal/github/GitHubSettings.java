package dev.crabbox.portal.github;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the portal talks to GitHub and whom it lets in: the OAuth app's client id and secret, the
 * three endpoints (github.com by default; GitHub Enterprise or a test server otherwise), the
 * organization a user must belong to (optional) and the logins that become admins. The secret
 * never appears in {@link #toString()}.
 *
 * @param org when set, only members of this organization may sign in, and it becomes their org;
 *     when empty, a user's first organization (if any) becomes their org
 * @param callbackUrl the registered callback URL; null derives it from the portal's own origin
 */
public record GitHubSettings(String clientId, String clientSecret, URI authorizeUrl,
    URI tokenUrl, URI apiBase, String org, Set<String> admins, String callbackUrl) {

  public static final String ENV_CLIENT_ID = "CRABBOX_GITHUB_CLIENT_ID";
  public static final String ENV_CLIENT_SECRET = "CRABBOX_GITHUB_CLIENT_SECRET";
  public static final URI GITHUB_AUTHORIZE = URI.create("https://github.com/login/oauth/authorize");
  public static final URI GITHUB_TOKEN = URI.create("https://github.com/login/oauth/access_token");
  public static final URI GITHUB_API = URI.create("https://api.github.com");
  private static final Set<String> KEYS = Set.of("clientId", "clientSecret", "authorizeUrl",
      "tokenUrl", "apiUrl", "org", "admins", "callbackUrl");

  public GitHubSettings {
    require(clientId, "clientId (or " + ENV_CLIENT_ID + ")");
    require(clientSecret, "clientSecret (or " + ENV_CLIENT_SECRET + ")");
    Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(apiBase, "apiBase");
    org = org == null ? "" : org.trim();
    admins = admins == null ? Set.of() : admins.stream()
        .map(login -> login.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** github.com endpoints, no org requirement, no admins. */
  public static GitHubSettings of(String clientId, String clientSecret) {
    return new GitHubSettings(clientId, clientSecret, GITHUB_AUTHORIZE, GITHUB_TOKEN, GITHUB_API,
        "", Set.of(), null);
  }

  /**
   * The {@code portal.github} section of the coordinator config, with the client id and secret
   * falling back to {@code CRABBOX_GITHUB_CLIENT_ID} / {@code _SECRET}. Null when neither the
   * section nor the variables ask for GitHub sign-in.
   *
   * @throws IllegalArgumentException with a message naming the bad setting
   */
  public static GitHubSettings fromConfig(JsonObject section, Map<String, String> env) {
    String envId = env.get(ENV_CLIENT_ID);
    String envSecret = env.get(ENV_CLIENT_SECRET);
    if (section == null && blank(envId) && blank(envSecret)) {
      return null;
    }
    JsonObject config = section == null ? new JsonObject() : section;
    for (String key : config.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("portal.github: unknown setting \"" + key
            + "\" (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
    }
    return new GitHubSettings(
        text(config, "clientId", envId),
        text(config, "clientSecret", envSecret),
        url(config, "authorizeUrl", GITHUB_AUTHORIZE),
        url(config, "tokenUrl", GITHUB_TOKEN),
        url(config, "apiUrl", GITHUB_API),
        text(config, "org", ""),
        Set.copyOf(logins(config)),
        text(config, "callbackUrl", null));
  }

  /** Whether {@code login} is one of the configured admins (GitHub logins ignore case). */
  public boolean isAdmin(String login) {
    return admins.contains(login.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return "GitHubSettings[clientId=" + clientId + ", clientSecret=***, authorizeUrl="
        + authorizeUrl + ", tokenUrl=" + tokenUrl + ", apiBase=" + apiBase + ", org=" + org
        + ", admins=" + admins + ", callbackUrl=" + callbackUrl + "]";
  }

  private static String text(JsonObject config, String key, String fallback) {
    Object value = config.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String)) {
      throw new IllegalArgumentException("portal.github." + key + " must be text");
    }
    return ((String) value).trim();
  }

  private static URI url(JsonObject config, String key, URI fallback) {
    String text = text(config, key, null);
    if (text == null) {
      return fallback;
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("portal.github." + key + " is not a URL: " + text);
    }
    if (uri.getHost() == null || !("https".equals(uri.getScheme())
        || "http".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("portal.github." + key
          + " must be an http(s) URL with a host, got " + text);
    }
    return uri;
  }

  private static List<String> logins(JsonObject config) {
    Object value = config.getValue("admins");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray)
        || ((JsonArray) value).stream().anyMatch(item -> !(item instanceof String))) {
      throw new IllegalArgumentException("portal.github.admins must be a list of GitHub logins");
    }
    return ((JsonArray) value).stream().map(String.class::cast).toList();
  }

  private static void require(String value, String name) {
    if (blank(value)) {
      throw new IllegalArgumentException("portal.github needs " + name);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
