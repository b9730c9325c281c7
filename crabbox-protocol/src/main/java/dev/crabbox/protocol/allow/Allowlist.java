package dev.crabbox.protocol.allow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host-name patterns an egress host may dial. {@code *.x} matches {@code x} and every
 * subdomain of {@code x}; every other entry is an exact, case-insensitive host match. There are
 * deliberately no port rules: an entry with a port is refused rather than silently widened.
 * Immutable and thread-safe.
 */
public final class Allowlist {

  private static final String WILDCARD = "*.";

  private final List<String> entries;
  private final Set<String> lookup;

  private Allowlist(List<String> entries) {
    this.entries = Collections.unmodifiableList(entries);
    this.lookup = Set.copyOf(entries);
  }

  /**
   * Merges the patterns of the named profiles (in order) with the {@code --allow} entries; each
   * allow entry may itself be a comma-separated list. Entries are trimmed and lowercased, one
   * trailing dot is stripped, empty entries and a bare {@code *} are dropped, and duplicates keep
   * their first position.
   */
  public static Allowlist of(List<String> profiles, List<String> allowEntries)
      throws AllowlistException {
    Set<String> merged = new LinkedHashSet<>();
    if (profiles != null) {
      for (String profile : profiles) {
        if (profile != null && !profile.isBlank()) {
          merged.addAll(Profiles.patterns(profile.trim()));
        }
      }
    }
    if (allowEntries != null) {
      for (String entry : allowEntries) {
        if (entry == null) {
          continue;
        }
        for (String part : entry.split(",", -1)) {
          String normalized = AllowEntries.normalize(part);
          if (normalized != null) {
            merged.add(normalized);
          }
        }
      }
    }
    return new Allowlist(new ArrayList<>(merged));
  }

  /** True when the host matches an entry; case-insensitive, one trailing dot ignored. */
  public boolean permits(String host) {
    if (host == null) {
      return false;
    }
    String name = AllowEntries.canonicalHost(host);
    // A '*' or an empty label never names a real host; refusing them keeps "*.x" a pattern only.
    if (name.isEmpty() || name.indexOf('*') >= 0 || name.startsWith(".") || name.contains("..")) {
      return false;
    }
    if (lookup.contains(name) || lookup.contains(WILDCARD + name)) {
      return true;
    }
    // Walk up the parent domains: a.b.example.com checks *.b.example.com, *.example.com, *.com.
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      if (lookup.contains(WILDCARD + name.substring(dot + 1))) {
        return true;
      }
    }
    return false;
  }

  public List<String> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Entries joined by commas for banners and status lines, {@code -} when empty. */
  public String summary() {
    return entries.isEmpty() ? "-" : String.join(",", entries);
  }

  @Override
  public String toString() {
    return "Allowlist[" + summary() + "]";
  }
}
