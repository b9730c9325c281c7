package dev.crabbox.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.portal.gateway.GatewaySettings;
import dev.crabbox.portal.github.GitHubSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal: section's sign-in settings, and the messages a bad one gets. */
class PortalConfigTest {

  private static String failure(JsonObject portal, Map<String, String> env) {
    return assertThrows(IllegalArgumentException.class, () -> PortalConfig.routes(portal, env))
        .getMessage();
  }

  @Test
  void noSectionAndNoVariablesMeansTokenSignInOnly() {
    assertNull(GitHubSettings.fromConfig(null, Map.of()));
    assertNull(GatewaySettings.fromConfig(null));
  }

  @Test
  void theEnvironmentAloneTurnsGitHubSignInOnWithGitHubComEndpoints() {
    GitHubSettings settings = GitHubSettings.fromConfig(null, Map.of(
        GitHubSettings.ENV_CLIENT_ID, "Iv1.abc", GitHubSettings.ENV_CLIENT_SECRET, "s3cret"));
    assertEquals("Iv1.abc", settings.clientId());
    assertEquals(GitHubSettings.GITHUB_AUTHORIZE, settings.authorizeUrl());
    assertEquals("https://api.github.com", settings.apiBase().toString());
    assertFalse(settings.toString().contains("s3cret"), settings.toString());
  }

  @Test
  void theFileWinsOverTheEnvironmentAndAdminsIgnoreCase() {
    GitHubSettings settings = GitHubSettings.fromConfig(new JsonObject().put("clientId", "file-id")
        .put("org", "acme").put("admins", new JsonArray().add("OctoCat"))
        .put("apiUrl", "https://ghe.example.com/api/v3"),
        Map.of(GitHubSettings.ENV_CLIENT_ID, "env-id", GitHubSettings.ENV_CLIENT_SECRET, "x"));
    assertEquals("file-id", settings.clientId());
    assertEquals("acme", settings.org());
    assertTrue(settings.isAdmin("octocat"));
    assertEquals("https://ghe.example.com/api/v3", settings.apiBase().toString());
  }

  @Test
  void badSettingsSayWhatIsWrong() {
    assertEquals("portal: unknown section \"githib\" (known: gateway, github)",
        failure(new JsonObject().put("githib", new JsonObject()), Map.of()));
    assertEquals("portal.github needs clientSecret (or CRABBOX_GITHUB_CLIENT_SECRET)",
        failure(new JsonObject().put("github", new JsonObject().put("clientId", "x")), Map.of()));
    assertEquals("portal.github.tokenUrl must be an http(s) URL with a host, got ftp://x",
        failure(new JsonObject().put("github", new JsonObject().put("clientId", "x")
            .put("clientSecret", "y").put("tokenUrl", "ftp://x")), Map.of()));
    assertEquals("portal.github.admins must be a list of GitHub logins",
        failure(new JsonObject().put("github", new JsonObject().put("clientId", "x")
            .put("clientSecret", "y").put("admins", "octocat")), Map.of()));
    assertTrue(failure(new JsonObject().put("gateway", new JsonObject()
        .put("jwksUrl", "https://team.cloudflareaccess.com/cdn-cgi/access/certs")
        .put("issuer", "https://team.cloudflareaccess.com")), Map.of())
        .startsWith("portal.gateway needs audience"));
    assertTrue(failure(new JsonObject().put("gateway", new JsonObject().put("audience", "a")
        .put("issuer", "i")), Map.of()).startsWith("portal.gateway needs jwksUrl"));
    assertEquals("portal.gateway must be a mapping of settings",
        failure(new JsonObject().put("gateway", "on"), Map.of()));
  }

  @Test
  void aGatewaySectionReadsItsSettings() {
    GatewaySettings settings = GatewaySettings.fromConfig(new JsonObject()
        .put("jwksUrl", "https://team.cloudflareaccess.com/cdn-cgi/access/certs")
        .put("audience", "aud-tag").put("issuer", "https://team.cloudflareaccess.com")
        .put("org", "acme").put("admins", new JsonArray().add("Boss@Example.com")));
    assertEquals("Cf-Access-Jwt-Assertion", settings.jwtHeader());
    assertTrue(settings.isAdmin("boss@example.com"));
    assertEquals("acme", settings.org());
  }
}
