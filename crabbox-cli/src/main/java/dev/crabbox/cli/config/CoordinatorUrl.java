package dev.crabbox.cli.config;

import dev.crabbox.cli.error.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Parses a coordinator URL. The API and the bridges share one base URL, so a ws/wss spelling is
 * accepted and normalised to http/https (the agents derive ws/wss from it again). A path prefix
 * (a coordinator behind a reverse proxy) is kept; a trailing slash is dropped.
 */
public final class CoordinatorUrl {
  private CoordinatorUrl() {
  }

  public static URI parse(Setting setting) {
    String text = setting.value();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(setting, "it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String httpScheme = switch (scheme) {
      case "http", "ws" -> "http";
      case "https", "wss" -> "https";
      default -> throw invalid(setting, "use an http://, https://, ws:// or wss:// URL");
    };
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid(setting, "it names no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw invalid(setting, "it must not carry credentials, a query or a fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String authority = uri.getRawAuthority();
    return URI.create(httpScheme + "://" + authority + path);
  }

  private static UsageException invalid(Setting setting, String why) {
    return new UsageException("coordinator URL \"" + setting.value() + "\" (from " + setting.source()
        + ") is not usable: " + why);
  }
}
