package dev.crabbox.protocol.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

  @ParameterizedTest
  @CsvSource({
      "cbx_000000000001, tidal-lobster",
      "cbx_abcdef123456, blue-prawn",
      "cbx_deadbeefcafe, silver-crab"})
  void goldenSlugs(String leaseId, String slug) {
    assertEquals(slug, Slugs.slugFor(leaseId));
    assertEquals(slug, Slugs.uniqueSlug(leaseId, s -> false));
  }

  @Test
  void fnv1aMatchesReferenceVectors() {
    assertEquals(0x811c9dc5L, Slugs.fnv1a(""));
    assertEquals(0xe40c292cL, Slugs.fnv1a("a"));
    assertEquals(0xbf9cf968L, Slugs.fnv1a("foobar"));
  }

  @Test
  void collisionAppendsTheLowHashBitsThenCountsUp() {
    String id = "cbx_deadbeefcafe";
    String suffix = String.format("%04x", Slugs.fnv1a(id) & 0xffff);
    assertEquals("silver-crab-" + suffix, Slugs.uniqueSlug(id, "silver-crab"::equals));
    int next = (int) ((Slugs.fnv1a(id) + 1) & 0xffff);
    Set<String> taken = Set.of("silver-crab", "silver-crab-" + suffix);
    assertEquals(String.format("silver-crab-%04x", next), Slugs.uniqueSlug(id, taken::contains));
  }

  @Test
  void suffixWrapsWithinFourHexDigitsAndGivesUpWhenAllAreTaken() {
    String id = "cbx_000000000001";
    long low = Slugs.fnv1a(id) & 0xffff;
    String slug = Slugs.uniqueSlug(id, s -> {
      if (s.equals("tidal-lobster")) {
        return true;
      }
      long value = Long.parseLong(s.substring(s.lastIndexOf('-') + 1), 16);
      return value >= low; // every suffix from the start up to ffff is taken
    });
    assertTrue(low != 0, "the golden id's low bits are not already 0000");
    assertEquals("tidal-lobster-0000", slug);
    assertThrows(IllegalStateException.class, () -> Slugs.uniqueSlug(id, s -> true));
  }

  @Test
  void everySlugIsAnAdjectiveAndANoun() {
    SplittableRandom random = new SplittableRandom(3);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      String slug = Slugs.slugFor(Ids.newLeaseId(random));
      String[] parts = slug.split("-");
      assertEquals(2, parts.length);
      assertTrue(Slugs.ADJECTIVES.contains(parts[0]) && Slugs.NOUNS.contains(parts[1]), slug);
      seen.add(slug);
    }
    assertEquals(14 * 8, seen.size(), "all 112 combinations occur");
  }
}
