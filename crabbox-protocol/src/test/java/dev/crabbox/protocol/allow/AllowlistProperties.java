package dev.crabbox.protocol.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AllowlistProperties {

  @Property(tries = 300)
  void wildcardCoversTheDomainAndSubdomainsOnly(@ForAll("domains") String domain,
      @ForAll("domains") String sub, @ForAll("domains") String other) throws AllowlistException {
    Allowlist wildcard = Allowlist.of(List.of(), List.of("*." + domain));
    Allowlist exact = Allowlist.of(List.of(), List.of(domain));
    assertTrue(wildcard.permits(domain));
    assertTrue(wildcard.permits(sub + "." + domain));
    assertTrue(wildcard.permits((sub + "." + domain).toUpperCase() + "."));
    assertTrue(exact.permits(domain));
    assertFalse(exact.permits(sub + "." + domain));
    // Sharing a suffix without a label boundary is not a match.
    assertFalse(wildcard.permits(sub + domain));
    assertEquals(other.equals(domain) || other.endsWith("." + domain), wildcard.permits(other));
  }

  @Property(tries = 200)
  void normalizationIsIdempotent(@ForAll("entries") List<String> entries) throws AllowlistException {
    Allowlist once = Allowlist.of(List.of(), entries);
    Allowlist twice = Allowlist.of(List.of(), once.entries());
    assertEquals(once.entries(), twice.entries());
    assertEquals(once.entries().size(), once.entries().stream().distinct().count());
  }

  @Provide
  Arbitrary<String> domains() {
    return Arbitraries.strings().withChars("abc-").ofMinLength(1).ofMaxLength(4).list()
        .ofMinSize(1).ofMaxSize(3).map(labels -> String.join(".", labels));
  }

  @Provide
  Arbitrary<List<String>> entries() {
    return Arbitraries.of("A.com", "a.com.", " a.com ", "*.B.org", "*.b.org.", "", "*", "c.net,d.net",
        "[::1]", "::1").list().ofMaxSize(8);
  }
}
