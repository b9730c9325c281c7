package dev.crabbox.protocol.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderSpecTest {

  @ParameterizedTest
  @CsvSource({
      "manual, false, '', ''",
      "hetzner, true, desktop browser code, ''",
      "aws, true, desktop browser code, ''",
      "static, false, desktop browser, desktop browser",
      "local, true, desktop browser, desktop browser",
      "blacksmith-testbox, false, '', ''"})
  void featureTable(String name, boolean managed, String supported, String probed) {
    ProviderSpec p = ProviderSpec.of(name);
    assertEquals(name, p.name());
    assertEquals(name, p.toString());
    assertEquals(managed, p.managed());
    EnumSet<Capability> want = caps(supported);
    EnumSet<Capability> wantProbe = caps(probed);
    assertEquals(want, p.supported());
    for (Capability c : Capability.values()) {
      assertEquals(want.contains(c), p.supports(c), c.label());
      assertEquals(wantProbe.contains(c), p.probes(c), c.label());
    }
    assertEquals(name.equals("static"), p.operatorOwnedSshTarget());
  }

  private static EnumSet<Capability> caps(String words) {
    EnumSet<Capability> out = EnumSet.noneOf(Capability.class);
    for (String w : words.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(Capability.parse(w));
      }
    }
    return out;
  }

  @Test
  void tableOrderAndConstants() {
    assertEquals(
        List.of("manual", "hetzner", "aws", "static", "local", "blacksmith-testbox"),
        ProviderSpec.knownNames());
    assertEquals(
        List.of(
            ProviderSpec.MANUAL,
            ProviderSpec.HETZNER,
            ProviderSpec.AWS,
            ProviderSpec.STATIC,
            ProviderSpec.LOCAL,
            ProviderSpec.BLACKSMITH_TESTBOX),
        ProviderSpec.all());
    assertSame(ProviderSpec.HETZNER, ProviderSpec.of(" Hetzner "));
    assertSame(ProviderSpec.BLACKSMITH_TESTBOX, ProviderSpec.of("BLACKSMITH-TESTBOX"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "gcp", "blacksmith", "static-ssh", "hetzner cloud"})
  void unknownProviderNamesTheKnownOnes(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProviderSpec.of(name));
    assertEquals(
        "unknown provider \"" + name
            + "\"; known providers: manual, hetzner, aws, static, local, blacksmith-testbox",
        e.getMessage());
  }

  @Test
  void featuresAreCopiedAndImmutable() {
    Map<Capability, Detection> m = new HashMap<>();
    m.put(Capability.CODE, Detection.LABEL);
    m.put(Capability.DESKTOP, Detection.PROBE);
    ProviderSpec p = new ProviderSpec("x", true, m);
    m.clear();
    assertTrue(p.supports(Capability.CODE));
    assertEquals(List.of(Capability.DESKTOP, Capability.CODE), List.copyOf(p.supported()));
    assertThrows(UnsupportedOperationException.class, () -> p.features().put(Capability.BROWSER, Detection.LABEL));
    assertFalse(p.operatorOwnedSshTarget());
    assertTrue(new ProviderSpec("y", false, Map.of(Capability.BROWSER, Detection.PROBE)).operatorOwnedSshTarget());
    assertFalse(new ProviderSpec("z", false, Map.of(Capability.BROWSER, Detection.LABEL)).operatorOwnedSshTarget());
    assertEquals(ProviderSpec.STATIC, new ProviderSpec("static", false, Map.of(
        Capability.BROWSER, Detection.PROBE, Capability.DESKTOP, Detection.PROBE)));
  }

  @Test
  void nullsAreRejected() {
    assertThrows(NullPointerException.class, () -> new ProviderSpec(null, true, Map.of()));
    assertThrows(NullPointerException.class, () -> new ProviderSpec("x", true, null));
    Map<Capability, Detection> nullDetection = new HashMap<>();
    nullDetection.put(Capability.CODE, null);
    assertThrows(NullPointerException.class, () -> new ProviderSpec("x", true, nullDetection));
  }
}
