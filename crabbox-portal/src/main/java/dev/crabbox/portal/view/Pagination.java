package dev.crabbox.portal.view;

import java.util.List;

/** Which slice of a list a page shows, with links to the neighbouring pages. */
public record Pagination(int page, int pages, int total, int from, int to, String previous,
    String next) {

  /** The items of {@code all} on page {@code page} (1-based, clamped) of {@code size} each. */
  public static <T> List<T> slice(List<T> all, int page, int size) {
    int from = Math.min(all.size(), (clamp(page, all.size(), size) - 1) * size);
    return all.subList(from, Math.min(all.size(), from + size));
  }

  public static int clamp(int page, int total, int size) {
    int pages = Math.max(1, (total + size - 1) / size);
    return Math.max(1, Math.min(page, pages));
  }

  public static Pagination of(int requested, int total, int size,
      java.util.function.IntFunction<String> href) {
    int page = clamp(requested, total, size);
    int pages = Math.max(1, (total + size - 1) / size);
    int from = total == 0 ? 0 : (page - 1) * size + 1;
    int to = Math.min(total, page * size);
    return new Pagination(page, pages, total, from, to,
        page > 1 ? href.apply(page - 1) : null, page < pages ? href.apply(page + 1) : null);
  }
}
