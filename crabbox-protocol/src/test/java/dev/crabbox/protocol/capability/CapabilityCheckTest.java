package dev.crabbox.protocol.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CapabilityCheckTest {

  private static final String MANAGED_LINUX = "web code currently supports managed Linux leases only";

  /** Every provider x target x capability, with the exact spec 003 message or {@code ok}. */
  @ParameterizedTest(name = "{0} {1} --{2} -> {3}")
  @CsvSource({
      "manual, linux, desktop, desktop/VNC is not supported for provider=manual",
      "manual, linux, browser, browser provisioning is not supported for provider=manual",
      "manual, linux, code, web code is not supported for provider=manual",
      "manual, macos, desktop, desktop/VNC is not supported for provider=manual",
      "manual, macos, browser, browser provisioning is not supported for provider=manual",
      "manual, macos, code, web code is not supported for provider=manual",
      "manual, windows, desktop, desktop/VNC is not supported for provider=manual",
      "manual, windows, browser, browser provisioning is not supported for provider=manual",
      "manual, windows, code, web code is not supported for provider=manual",
      "hetzner, linux, desktop, ok",
      "hetzner, linux, browser, ok",
      "hetzner, linux, code, ok",
      "hetzner, macos, desktop, ok",
      "hetzner, macos, browser, ok",
      "hetzner, macos, code, web code currently supports managed Linux leases only",
      "hetzner, windows, desktop, ok",
      "hetzner, windows, browser, ok",
      "hetzner, windows, code, web code currently supports managed Linux leases only",
      "aws, linux, desktop, ok",
      "aws, linux, browser, ok",
      "aws, linux, code, ok",
      "aws, macos, desktop, ok",
      "aws, macos, browser, ok",
      "aws, macos, code, web code currently supports managed Linux leases only",
      "aws, windows, desktop, ok",
      "aws, windows, browser, ok",
      "aws, windows, code, web code currently supports managed Linux leases only",
      "static, linux, desktop, ok",
      "static, linux, browser, ok",
      "static, linux, code, web code currently supports managed Linux leases only",
      "static, macos, desktop, ok",
      "static, macos, browser, ok",
      "static, macos, code, web code currently supports managed Linux leases only",
      "static, windows, desktop, ok",
      "static, windows, browser, ok",
      "static, windows, code, web code currently supports managed Linux leases only",
      "local, linux, desktop, ok",
      "local, linux, browser, ok",
      "local, linux, code, web code is not supported for provider=local",
      "local, macos, desktop, ok",
      "local, macos, browser, ok",
      "local, macos, code, web code is not supported for provider=local",
      "local, windows, desktop, ok",
      "local, windows, browser, ok",
      "local, windows, code, web code is not supported for provider=local",
      "blacksmith-testbox, linux, desktop, desktop/VNC is not supported for provider=blacksmith-testbox",
      "blacksmith-testbox, linux, browser, browser provisioning is not supported for provider=blacksmith-testbox",
      "blacksmith-testbox, linux, code, web code is not supported for provider=blacksmith-testbox",
      "blacksmith-testbox, macos, desktop, desktop/VNC is not supported for provider=blacksmith-testbox",
      "blacksmith-testbox, macos, browser, browser provisioning is not supported for provider=blacksmith-testbox",
      "blacksmith-testbox, macos, code, web code is not supported for provider=blacksmith-testbox",
      "blacksmith-testbox, windows, desktop, desktop/VNC is not supported for provider=blacksmith-testbox",
      "blacksmith-testbox, windows, browser, browser provisioning is not supported for provider=blacksmith-testbox",
      "blacksmith-testbox, windows, code, web code is not supported for provider=blacksmith-testbox"
  })
  void providerTargetCapabilityMatrix(String provider, String target, String capability, String expected)
      throws CapabilityException {
    ProviderSpec p = ProviderSpec.of(provider);
    LeaseTarget t = LeaseTarget.parse(target);
    Capability c = Capability.parse(capability);
    String want = expected.equals("ok") ? null : expected;

    assertEquals(want, CapabilityCheck.refusal(p, t, c));
    List<String> failures = CapabilityCheck.validateRequested(p, t, EnumSet.of(c));
    assertEquals(want == null ? List.of() : List.of(want), failures);
    if (want == null) {
      CapabilityCheck.requireSupported(p, t, Set.of(c));
    } else {
      CapabilityException e =
          assertThrows(CapabilityException.class, () -> CapabilityCheck.requireSupported(p, t, Set.of(c)));
      assertEquals(want, e.getMessage());
    }
  }

  /** Independent restatement of the feature matrix and code precedence, for the combination test. */
  private static String expected(ProviderSpec p, LeaseTarget t, Capability c) {
    String n = p.name();
    boolean full = n.equals("hetzner") || n.equals("aws");
    boolean probe = n.equals("static") || n.equals("local");
    switch (c) {
      case DESKTOP:
        return full || probe ? null : "desktop/VNC is not supported for provider=" + n;
      case BROWSER:
        return full || probe ? null : "browser provisioning is not supported for provider=" + n;
      default:
        if (n.equals("static")) {
          return MANAGED_LINUX;
        }
        if (!full) {
          return "web code is not supported for provider=" + n;
        }
        return t == LeaseTarget.LINUX ? null : MANAGED_LINUX;
    }
  }

  static Stream<Arguments> everySubset() {
    List<Arguments> out = new ArrayList<>();
    for (ProviderSpec p : ProviderSpec.all()) {
      for (LeaseTarget t : LeaseTarget.values()) {
        for (int mask = 0; mask < 8; mask++) {
          Set<Capability> req = EnumSet.noneOf(Capability.class);
          for (Capability c : Capability.values()) {
            if ((mask & (1 << c.ordinal())) != 0) {
              req.add(c);
            }
          }
          out.add(Arguments.of(p, t, req));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("everySubset")
  void combinationsReportOneFailurePerCapabilityInDesktopBrowserCodeOrder(
      ProviderSpec p, LeaseTarget t, Set<Capability> requested) {
    List<String> want = new ArrayList<>();
    for (Capability c : Capability.values()) {
      if (requested.contains(c) && expected(p, t, c) != null) {
        want.add(expected(p, t, c));
      }
    }
    assertEquals(want, CapabilityCheck.validateRequested(p, t, requested));
    // insertion order of the caller's set does not matter
    Set<Capability> reversed = new java.util.LinkedHashSet<>();
    for (int i = Capability.values().length - 1; i >= 0; i--) {
      if (requested.contains(Capability.values()[i])) {
        reversed.add(Capability.values()[i]);
      }
    }
    assertEquals(want, CapabilityCheck.validateRequested(p, t, reversed));
    if (want.isEmpty()) {
      assertDoesNotThrowChecked(p, t, requested);
    } else {
      CapabilityException e =
          assertThrows(CapabilityException.class, () -> CapabilityCheck.requireSupported(p, t, requested));
      assertEquals(want.get(0), e.getMessage());
    }
  }

  private static void assertDoesNotThrowChecked(ProviderSpec p, LeaseTarget t, Set<Capability> req) {
    try {
      CapabilityCheck.requireSupported(p, t, req);
    } catch (CapabilityException e) {
      throw new AssertionError("unexpected refusal: " + e.getMessage(), e);
    }
  }

  @Test
  void firstFailureForBlacksmithIsDesktop() {
    CapabilityException e =
        assertThrows(
            CapabilityException.class,
            () ->
                CapabilityCheck.requireSupported(
                    ProviderSpec.BLACKSMITH_TESTBOX, LeaseTarget.LINUX, EnumSet.allOf(Capability.class)));
    assertEquals("desktop/VNC is not supported for provider=blacksmith-testbox", e.getMessage());
  }

  @Test
  void nothingRequestedIsAlwaysFine() {
    for (ProviderSpec p : ProviderSpec.all()) {
      for (LeaseTarget t : LeaseTarget.values()) {
        assertEquals(List.of(), CapabilityCheck.validateRequested(p, t, Set.of()));
      }
    }
  }

  @Test
  void messageConstantsAreTheSpecTexts() {
    assertEquals("desktop/VNC is not supported for provider=%s", CapabilityCheck.DESKTOP_UNSUPPORTED);
    assertEquals(
        "browser provisioning is not supported for provider=%s", CapabilityCheck.BROWSER_UNSUPPORTED);
    assertEquals("web code is not supported for provider=%s", CapabilityCheck.CODE_UNSUPPORTED);
    assertEquals(MANAGED_LINUX, CapabilityCheck.CODE_MANAGED_LINUX_ONLY);
  }

  @Test
  void customProviderUsesItsOwnName() {
    ProviderSpec odd = new ProviderSpec("odd-cloud", true, java.util.Map.of());
    assertEquals(
        List.of(
            "desktop/VNC is not supported for provider=odd-cloud",
            "browser provisioning is not supported for provider=odd-cloud",
            "web code is not supported for provider=odd-cloud"),
        CapabilityCheck.validateRequested(odd, LeaseTarget.MACOS, EnumSet.allOf(Capability.class)));
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThrows(
        NullPointerException.class,
        () -> CapabilityCheck.validateRequested(null, LeaseTarget.LINUX, Set.of()));
    assertThrows(
        NullPointerException.class,
        () -> CapabilityCheck.validateRequested(ProviderSpec.AWS, null, Set.of()));
    assertThrows(
        NullPointerException.class,
        () -> CapabilityCheck.validateRequested(ProviderSpec.AWS, LeaseTarget.LINUX, null));
  }

  @Test
  void refusalIsNullWhenAllowed() {
    assertNull(CapabilityCheck.refusal(ProviderSpec.HETZNER, LeaseTarget.LINUX, Capability.CODE));
    assertTrue(CapabilityCheck.validateRequested(
        ProviderSpec.AWS, LeaseTarget.LINUX, EnumSet.allOf(Capability.class)).isEmpty());
  }
}
