package dev.crabbox.protocol.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LabelCheckTest {

  private static final String ID = "cbx_abcdef123456";

  @ParameterizedTest
  @CsvSource({
      "desktop, lease cbx_abcdef123456 was not created with desktop=true; warm a new lease with --desktop",
      "browser, lease cbx_abcdef123456 was not created with browser=true; warm a new lease with --browser",
      "code, lease cbx_abcdef123456 was not created with code=true; warm a new lease with --code"})
  void exactLabelMessages(String capability, String message) {
    Capability c = Capability.parse(capability);
    assertEquals(message, CapabilityCheck.labelMissing(ID, c));
    for (ProviderSpec p : List.of(ProviderSpec.HETZNER, ProviderSpec.AWS)) {
      LabelCheck missing = CapabilityCheck.enforceLabels(ID, p, Map.of(), Set.of(c));
      assertEquals(List.of(message), missing.failures());
      assertFalse(missing.ok());
      CapabilityException e = assertThrows(CapabilityException.class, missing::orThrow);
      assertEquals(message, e.getMessage());

      LabelCheck off = CapabilityCheck.enforceLabels(ID, p, Map.of(c, false), Set.of(c));
      assertEquals(List.of(message), off.failures());

      LabelCheck on = CapabilityCheck.enforceLabels(ID, p, Map.of(c, true), Set.of(c));
      assertTrue(on.ok());
      assertEquals(Set.of(), on.mustProbe());
    }
  }

  /** label state: 0 = absent, 1 = false, 2 = true, per capability. */
  static Stream<Arguments> providersRequestsAndLabels() {
    List<Arguments> out = new ArrayList<>();
    for (ProviderSpec p : ProviderSpec.all()) {
      for (int req = 0; req < 8; req++) {
        for (int labels = 0; labels < 27; labels++) {
          out.add(Arguments.of(p, req, labels));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} req={1} labels={2}")
  @MethodSource("providersRequestsAndLabels")
  void everyProviderRequestAndLabelState(ProviderSpec p, int reqMask, int labelCode) {
    Set<Capability> requested = EnumSet.noneOf(Capability.class);
    Map<Capability, Boolean> labels = new HashMap<>();
    int code = labelCode;
    for (Capability c : Capability.values()) {
      if ((reqMask & (1 << c.ordinal())) != 0) {
        requested.add(c);
      }
      int state = code % 3;
      code /= 3;
      if (state == 1) {
        labels.put(c, false);
      } else if (state == 2) {
        labels.put(c, true);
      }
    }
    boolean probeProvider = p.name().equals("static") || p.name().equals("local");
    List<String> wantFailures = new ArrayList<>();
    Set<Capability> wantProbe = EnumSet.noneOf(Capability.class);
    for (Capability c : Capability.values()) {
      if (!requested.contains(c)) {
        continue;
      }
      if (probeProvider && c != Capability.CODE) {
        wantProbe.add(c);
      } else if (!Boolean.TRUE.equals(labels.get(c))) {
        wantFailures.add(
            "lease " + ID + " was not created with " + c.label() + "=true; warm a new lease with --"
                + c.label());
      }
    }
    LabelCheck check = CapabilityCheck.enforceLabels(ID, p, labels, requested);
    assertEquals(wantFailures, check.failures());
    assertEquals(wantProbe, check.mustProbe());
    assertEquals(wantFailures.isEmpty(), check.ok());
  }

  @Test
  void staticAndLocalSkipLabelsAndProbeInstead() throws CapabilityException {
    for (ProviderSpec p : List.of(ProviderSpec.STATIC, ProviderSpec.LOCAL)) {
      LabelCheck check =
          CapabilityCheck.enforceLabels(
              ID, p, Map.of(), EnumSet.of(Capability.DESKTOP, Capability.BROWSER));
      assertTrue(check.ok());
      assertEquals(EnumSet.of(Capability.DESKTOP, Capability.BROWSER), check.orThrow());
    }
  }

  @Test
  void nullLabelsAndNullEntriesCountAsMissing() {
    Map<Capability, Boolean> withNull = new EnumMap<>(Capability.class);
    withNull.put(Capability.DESKTOP, null);
    assertEquals(
        List.of(CapabilityCheck.labelMissing(ID, Capability.DESKTOP)),
        CapabilityCheck.enforceLabels(ID, ProviderSpec.HETZNER, withNull, Set.of(Capability.DESKTOP))
            .failures());
    assertEquals(
        List.of(CapabilityCheck.labelMissing(ID, Capability.CODE)),
        CapabilityCheck.enforceLabels(ID, ProviderSpec.AWS, null, Set.of(Capability.CODE)).failures());
  }

  @Test
  void failuresComeInCapabilityOrderAndFirstIsThrown() {
    LabelCheck check =
        CapabilityCheck.enforceLabels(
            ID, ProviderSpec.HETZNER, Map.of(Capability.BROWSER, true), EnumSet.allOf(Capability.class));
    assertEquals(
        List.of(
            CapabilityCheck.labelMissing(ID, Capability.DESKTOP),
            CapabilityCheck.labelMissing(ID, Capability.CODE)),
        check.failures());
    CapabilityException e = assertThrows(CapabilityException.class, check::orThrow);
    assertEquals(
        "lease cbx_abcdef123456 was not created with desktop=true; warm a new lease with --desktop",
        e.getMessage());
  }

  @Test
  void labelsFromStringLabels() {
    Map<Capability, Boolean> labels =
        Capability.fromLabels(Map.of("desktop", "true", "browser", "false", "desktop_env", "xfce"));
    assertEquals(Map.of(Capability.DESKTOP, true, Capability.BROWSER, false, Capability.CODE, false), labels);
    assertEquals(
        Map.of(Capability.DESKTOP, false, Capability.BROWSER, false, Capability.CODE, false),
        Capability.fromLabels(null));
    assertEquals(
        Map.of(Capability.DESKTOP, true, Capability.BROWSER, false, Capability.CODE, true),
        Capability.fromLabels(Map.of("desktop", " TRUE ", "browser", "yes", "code", "True")));
    LabelCheck check =
        CapabilityCheck.enforceLabels(
            ID, ProviderSpec.AWS, Capability.fromLabels(Map.of("code", "true")), Set.of(Capability.CODE));
    assertTrue(check.ok());
  }

  @Test
  void resultIsImmutableCopy() {
    List<String> failures = new ArrayList<>(List.of("x"));
    Set<Capability> probe = EnumSet.of(Capability.DESKTOP);
    LabelCheck check = new LabelCheck(failures, probe);
    failures.add("y");
    probe.add(Capability.BROWSER);
    assertEquals(List.of("x"), check.failures());
    assertEquals(Set.of(Capability.DESKTOP), check.mustProbe());
    assertThrows(UnsupportedOperationException.class, () -> check.mustProbe().add(Capability.CODE));
    assertEquals(Set.of(), new LabelCheck(List.of(), Set.of()).mustProbe());
  }

  @Test
  void nullLeaseIdOrProviderIsRejected() {
    assertThrows(
        NullPointerException.class,
        () -> CapabilityCheck.enforceLabels(null, ProviderSpec.AWS, Map.of(), Set.of()));
    assertThrows(
        NullPointerException.class, () -> CapabilityCheck.enforceLabels(ID, null, Map.of(), Set.of()));
  }
}
