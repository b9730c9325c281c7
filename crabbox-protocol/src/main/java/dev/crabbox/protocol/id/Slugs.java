package dev.crabbox.protocol.id;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * Friendly lease names ("swift-crab") derived from the lease id exactly as the original does, so
 * the same id gets the same slug in every implementation.
 */
public final class Slugs {

  static final List<String> ADJECTIVES = List.of("amber", "blue", "brisk", "coral", "crimson",
      "golden", "harbor", "jade", "pearl", "quick", "silver", "swift", "tidal", "violet");
  static final List<String> NOUNS = List.of("barnacle", "crab", "crayfish", "hermit", "krill",
      "lobster", "prawn", "shrimp");

  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;
  private static final int SUFFIXES = 0x10000;

  private Slugs() {}

  /** {@code adjective-noun} from the FNV-1a 32-bit hash of the UTF-8 lease id. */
  public static String slugFor(String leaseId) {
    long h = fnv1a(leaseId);
    return ADJECTIVES.get((int) (h % ADJECTIVES.size())) + "-"
        + NOUNS.get((int) ((h / ADJECTIVES.size()) % NOUNS.size()));
  }

  /**
   * The slug, or on collision the slug plus {@code -%04x} of the hash's low 16 bits, counting up
   * (wrapping within four hex digits) until a free one is found.
   *
   * @throws IllegalStateException when all 65 536 suffixed names are taken
   */
  public static String uniqueSlug(String leaseId, Predicate<String> taken) {
    String slug = slugFor(leaseId);
    if (!taken.test(slug)) {
      return slug;
    }
    int suffix = (int) (fnv1a(leaseId) & 0xffff);
    for (int tried = 0; tried < SUFFIXES; tried++) {
      String candidate = String.format("%s-%04x", slug, (suffix + tried) % SUFFIXES);
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("every suffix of slug " + slug + " is taken");
  }

  /** FNV-1a 32-bit, returned unsigned. */
  static long fnv1a(String text) {
    int h = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return Integer.toUnsignedLong(h);
  }
}
