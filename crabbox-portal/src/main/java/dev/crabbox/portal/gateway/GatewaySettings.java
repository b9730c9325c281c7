package dev.crabbox.portal.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access gateway in front of the portal (Cloudflare Access, for example) and how to check
 * its identity assertion: the header carrying the signed JWT, where its public keys are (a JWKS
 * URL, or the keys inline), the audience and issuer the JWT must name, and the org and admin
 * e-mails of the identities it establishes. The gateway's plain identity headers
 * ({@code Cf-Access-Authenticated-User-Email}) are never read.
 *
 * @param keys inline JWKs; when empty the keys are fetched from {@code jwksUrl}
 */
public record GatewaySettings(String jwtHeader, URI jwksUrl, List<JsonObject> keys,
    String audience, String issuer, String org, Set<String> admins) {

  public static final String CLOUDFLARE_JWT_HEADER = "Cf-Access-Jwt-Assertion";
  private static final Set<String> SETTINGS = Set.of("jwtHeader", "jwksUrl", "keys", "audience",
      "issuer", "org", "admins");

  public GatewaySettings {
    jwtHeader = jwtHeader == null || jwtHeader.isBlank() ? CLOUDFLARE_JWT_HEADER : jwtHeader;
    keys = keys == null ? List.of() : List.copyOf(keys);
    if (jwksUrl == null && keys.isEmpty()) {
      throw new IllegalArgumentException("portal.gateway needs jwksUrl (or inline keys) to "
          + "verify the gateway's JWT");
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("portal.gateway needs audience (the application's "
          + "audience tag the JWT must carry)");
    }
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("portal.gateway needs issuer (e.g. "
          + "https://<team>.cloudflareaccess.com)");
    }
    org = org == null ? "" : org;
    admins = admins == null ? Set.of() : admins.stream()
        .map(email -> email.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The {@code portal.gateway} section; null when absent.
   *
   * @throws IllegalArgumentException naming the bad setting
   */
  public static GatewaySettings fromConfig(JsonObject section) {
    if (section == null) {
      return null;
    }
    for (String key : section.fieldNames()) {
      if (!SETTINGS.contains(key)) {
        throw new IllegalArgumentException("portal.gateway: unknown setting \"" + key
            + "\" (known: " + String.join(", ", SETTINGS.stream().sorted().toList()) + ")");
      }
    }
    String jwks = text(section, "jwksUrl");
    URI jwksUrl = null;
    if (jwks != null) {
      try {
        jwksUrl = URI.create(jwks);
      } catch (IllegalArgumentException e) {
        jwksUrl = null;
      }
      if (jwksUrl == null || jwksUrl.getHost() == null
          || !("https".equals(jwksUrl.getScheme()) || "http".equals(jwksUrl.getScheme()))) {
        throw new IllegalArgumentException("portal.gateway.jwksUrl must be an http(s) URL, got "
            + jwks);
      }
    }
    return new GatewaySettings(text(section, "jwtHeader"), jwksUrl,
        list(section, "keys", JsonObject.class, "a list of JWK objects"),
        text(section, "audience"), text(section, "issuer"), text(section, "org"),
        Set.copyOf(list(section, "admins", String.class, "a list of e-mail addresses")));
  }

  public boolean isAdmin(String email) {
    return admins.contains(email.toLowerCase(Locale.ROOT));
  }

  private static String text(JsonObject section, String key) {
    Object value = section.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("portal.gateway." + key + " must be text");
    }
    return value == null ? null : ((String) value).trim();
  }

  private static <T> List<T> list(JsonObject section, String key, Class<T> type, String what) {
    Object value = section.getValue(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray) || ((JsonArray) value).stream().anyMatch(
        item -> !type.isInstance(item))) {
      throw new IllegalArgumentException("portal.gateway." + key + " must be " + what);
    }
    return ((JsonArray) value).stream().map(type::cast).toList();
  }
}
