package dev.crabbox.portal.config;

import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.gateway.GatewayLogin;
import dev.crabbox.portal.gateway.GatewaySettings;
import dev.crabbox.portal.github.GitHubLogin;
import dev.crabbox.portal.github.GitHubSettings;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * The {@code portal:} section of the coordinator config: {@code github:} (OAuth app; the client
 * id and secret may come from {@code CRABBOX_GITHUB_CLIENT_ID} / {@code _SECRET} instead) and
 * {@code gateway:} (an access gateway's signed identity). Without either, the portal offers the
 * token sign-in only.
 */
public final class PortalConfig {

  private static final Set<String> SECTIONS = Set.of("github", "gateway");

  private PortalConfig() {}

  /**
   * The portal routes for {@code section} (null: no section).
   *
   * @throws IllegalArgumentException with a message naming the bad setting
   */
  public static PortalRoutes routes(JsonObject section, Map<String, String> env) {
    JsonObject portal = section == null ? new JsonObject() : section;
    for (String key : portal.fieldNames()) {
      if (!SECTIONS.contains(key)) {
        throw new IllegalArgumentException("portal: unknown section \"" + key
            + "\" (known: gateway, github)");
      }
    }
    PortalRoutes routes = new PortalRoutes();
    GitHubSettings github = GitHubSettings.fromConfig(mapping(portal, "github"), env);
    if (github != null) {
      routes.withIdentityProvider(new GitHubLogin(github));
    }
    GatewaySettings gateway = GatewaySettings.fromConfig(mapping(portal, "gateway"));
    if (gateway != null) {
      routes.withIdentityProvider(new GatewayLogin(gateway));
    }
    return routes;
  }

  private static JsonObject mapping(JsonObject portal, String key) {
    Object value = portal.getValue(key);
    if (value != null && !(value instanceof JsonObject)) {
      throw new IllegalArgumentException("portal." + key + " must be a mapping of settings");
    }
    return (JsonObject) value;
  }
}
