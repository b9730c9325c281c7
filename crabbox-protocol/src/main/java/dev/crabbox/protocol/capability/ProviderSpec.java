package dev.crabbox.protocol.capability;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One provider's row in the capability/provider feature table.
 *
 * @param name the provider name used in config, on the CLI and in messages
 * @param managed whether Crabbox owns (creates, bootstraps, releases) the host
 * @param features the capabilities the provider can support, each with how it is detected on a
 *     lease; a capability absent from this map is not supported at all
 */
public record ProviderSpec(String name, boolean managed, Map<Capability, Detection> features) {

  /** A hand-wired box registered without a provider: no capabilities. */
  public static final ProviderSpec MANUAL = new ProviderSpec("manual", false, Map.of());
  /** Hetzner Cloud: managed, bootstraps desktop, browser and code; labels on the lease. */
  public static final ProviderSpec HETZNER = new ProviderSpec("hetzner", true, labelled());
  /** AWS EC2: managed, bootstraps desktop, browser and code; labels on the lease. */
  public static final ProviderSpec AWS = new ProviderSpec("aws", true, labelled());
  /** Operator-owned SSH hosts: desktop and browser detected by probes; no code. */
  public static final ProviderSpec STATIC = new ProviderSpec("static", false, probed());
  /** This machine through an embedded SSH server: desktop and browser by probes; no code. */
  public static final ProviderSpec LOCAL = new ProviderSpec("local", true, probed());
  /** External Blacksmith runners: Crabbox never owns them; no capabilities. */
  public static final ProviderSpec BLACKSMITH_TESTBOX =
      new ProviderSpec("blacksmith-testbox", false, Map.of());

  private static final List<ProviderSpec> ALL =
      List.of(MANUAL, HETZNER, AWS, STATIC, LOCAL, BLACKSMITH_TESTBOX);

  public ProviderSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(features, "features");
    Map<Capability, Detection> copy = new EnumMap<>(Capability.class);
    features.forEach(
        (c, d) -> copy.put(Objects.requireNonNull(c, "capability"), Objects.requireNonNull(d, "detection")));
    features = Collections.unmodifiableMap(copy);
  }

  /** Every known provider, in table order (manual, hetzner, aws, static, local, blacksmith-testbox). */
  public static List<ProviderSpec> all() {
    return ALL;
  }

  /** The known provider names, in table order. */
  public static List<String> knownNames() {
    return ALL.stream().map(ProviderSpec::name).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Looks a provider up by name (case-insensitive, trimmed).
   *
   * @throws IllegalArgumentException naming the known providers
   */
  public static ProviderSpec of(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (ProviderSpec p : ALL) {
        if (p.name.equals(n)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown provider \"" + name + "\"; known providers: " + String.join(", ", knownNames()));
  }

  /** Whether the provider can support {@code capability} at all (the spec's feature set). */
  public boolean supports(Capability capability) {
    return features.containsKey(capability);
  }

  /** The supported capabilities, in declaration order. */
  public Set<Capability> supported() {
    return Collections.unmodifiableSet(features.keySet());
  }

  /** Whether {@code capability} is supported and detected by probing rather than by label. */
  public boolean probes(Capability capability) {
    return features.get(capability) == Detection.PROBE;
  }

  /**
   * Whether this is an operator-owned SSH target (Crabbox does not own the host, and the
   * capabilities it does support are probe-based): the spec's "static SSH".
   */
  public boolean operatorOwnedSshTarget() {
    return !managed && features.containsValue(Detection.PROBE);
  }

  @Override
  public String toString() {
    return name;
  }

  private static Map<Capability, Detection> labelled() {
    return Map.of(
        Capability.DESKTOP, Detection.LABEL,
        Capability.BROWSER, Detection.LABEL,
        Capability.CODE, Detection.LABEL);
  }

  private static Map<Capability, Detection> probed() {
    return Map.of(Capability.DESKTOP, Detection.PROBE, Capability.BROWSER, Detection.PROBE);
  }
}
