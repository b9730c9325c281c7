package dev.crabbox.portal.page;

import dev.crabbox.portal.web.Paths;
import io.vertx.core.MultiMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The index's query string: {@code state} (active|ended|all, default chosen from the data),
 * {@code provider}, {@code target}, {@code status} (runner status), {@code scope} (admins:
 * all|mine|system), {@code q} (search), {@code sort}, {@code dir} and {@code page}. Unknown values
 * fall back to the defaults instead of failing.
 */
record IndexQuery(String state, String provider, String target, String status, String scope,
    String q, String sort, String dir, int page) {

  static final Set<String> STATES = Set.of("active", "ended", "all");
  static final Set<String> SCOPES = Set.of("all", "mine", "system");
  static final Set<String> SORTS = Set.of("name", "owner", "provider", "target", "state",
      "created", "expires");

  static IndexQuery parse(MultiMap params) {
    String state = lower(params.get("state"));
    String scope = lower(params.get("scope"));
    String sort = lower(params.get("sort"));
    String dir = lower(params.get("dir"));
    return new IndexQuery(
        STATES.contains(state) ? state : "",
        trim(params.get("provider")),
        trim(params.get("target")),
        trim(params.get("status")),
        SCOPES.contains(scope) ? scope : "all",
        trim(params.get("q")),
        SORTS.contains(sort) ? sort : "created",
        "asc".equals(dir) ? "asc" : "desc",
        page(params.get("page")));
  }

  IndexQuery withState(String newState) {
    return new IndexQuery(newState, provider, target, status, scope, q, sort, dir, 1);
  }

  IndexQuery withScope(String newScope) {
    return new IndexQuery(state, provider, target, status, newScope, q, sort, dir, 1);
  }

  IndexQuery withSort(String newSort) {
    String newDir = newSort.equals(sort) && "desc".equals(dir) ? "asc"
        : newSort.equals(sort) ? "desc" : ("created".equals(newSort) || "expires".equals(newSort)
            ? "desc" : "asc");
    return new IndexQuery(state, provider, target, status, scope, q, newSort, newDir, 1);
  }

  IndexQuery withPage(int newPage) {
    return new IndexQuery(state, provider, target, status, scope, q, sort, dir, newPage);
  }

  /** The index URL for this query, leaving defaults out. */
  String href() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("state", state);
    values.put("provider", provider);
    values.put("target", target);
    values.put("status", status);
    values.put("scope", "all".equals(scope) ? "" : scope);
    values.put("q", q);
    values.put("sort", "created".equals(sort) ? "" : sort);
    values.put("dir", "desc".equals(dir) ? "" : dir);
    values.put("page", page == 1 ? "" : Integer.toString(page));
    StringBuilder out = new StringBuilder(Paths.ROOT);
    char separator = '?';
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!e.getValue().isEmpty()) {
        out.append(separator).append(e.getKey()).append('=').append(Paths.segment(e.getValue()));
        separator = '&';
      }
    }
    return out.toString();
  }

  private static String lower(String text) {
    return trim(text).toLowerCase(Locale.ROOT);
  }

  private static String trim(String text) {
    return text == null ? "" : text.trim();
  }

  private static int page(String text) {
    try {
      return text == null ? 1 : Math.max(1, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
