package dev.crabbox.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Portal URLs; every user-influenced segment is percent-encoded. */
public final class Paths {

  public static final String ROOT = "/portal";
  public static final String LOGIN = ROOT + "/login";
  public static final String LOGOUT = ROOT + "/logout";
  public static final String ASSETS = ROOT + "/assets";

  private Paths() {}

  public static String lease(String idOrSlug) {
    return ROOT + "/leases/" + segment(idOrSlug);
  }

  public static String share(String idOrSlug) {
    return lease(idOrSlug) + "/share";
  }

  public static String release(String idOrSlug) {
    return lease(idOrSlug) + "/release";
  }

  public static String run(String runId) {
    return ROOT + "/runs/" + segment(runId);
  }

  public static String runner(String provider, String runnerId) {
    return ROOT + "/runners/" + segment(provider) + "/" + segment(runnerId);
  }

  /** A path segment or query value, percent-encoded ({@code %20} for spaces). */
  public static String segment(String text) {
    return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Where to go after login: {@code next} when it is a portal path on this origin, the index
   * otherwise (never another site, never {@code //host}, a dot-dot segment or a backslash trick).
   */
  public static String safeNext(String next) {
    if (next == null || !(next.equals(ROOT) || next.startsWith(ROOT + "/")
        || next.startsWith(ROOT + "?")) || next.contains("\\") || next.contains("//")
        || next.contains("/..")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return ROOT;
    }
    return next;
  }
}
