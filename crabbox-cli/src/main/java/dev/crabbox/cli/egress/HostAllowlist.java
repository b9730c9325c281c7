package dev.crabbox.cli.egress;

import dev.crabbox.agent.host.OpenProxyRefusedException;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.protocol.allow.Allowlist;
import dev.crabbox.protocol.allow.AllowlistException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@code --profile} and {@code --allow} make of the host's allowlist: the merged list the
 * host enforces, plus the profile label and the explicit entries that go into the ticket (and so
 * into the coordinator's status) and the banner.
 *
 * @param allowlist profiles' patterns and explicit entries, merged (never empty)
 * @param profileLabel the profile names joined by commas, or null without --profile
 * @param explicitEntries the normalised --allow entries (possibly empty)
 */
public record HostAllowlist(Allowlist allowlist, String profileLabel, List<String> explicitEntries) {

  /** Builds the allowlist; usage errors for unknown profiles, ports, and an empty result. */
  public static HostAllowlist of(List<String> profiles, List<String> allowEntries) {
    List<String> names = List.copyOf(new LinkedHashSet<>(profiles.stream()
        .map(String::trim).filter(name -> !name.isEmpty()).toList()));
    try {
      Allowlist merged = Allowlist.of(names, allowEntries);
      if (merged.isEmpty()) {
        throw new UsageException(OpenProxyRefusedException.MESSAGE);
      }
      List<String> explicit = Allowlist.of(List.of(), allowEntries).entries();
      return new HostAllowlist(merged, names.isEmpty() ? null : String.join(",", names), explicit);
    } catch (AllowlistException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
