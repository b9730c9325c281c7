package dev.crabbox.protocol.allow;

import java.util.Locale;

/** Normalization and validation of single allowlist entries. */
final class AllowEntries {

  private AllowEntries() {}

  /**
   * The canonical form of one entry, or {@code null} when the entry is to be dropped (empty or a
   * bare {@code *}, which would otherwise turn the allowlist into an open proxy).
   */
  static String normalize(String raw) throws AllowlistException {
    String entry = raw.trim().toLowerCase(Locale.ROOT);
    if (entry.endsWith(".")) {
      entry = entry.substring(0, entry.length() - 1);
    }
    if (entry.isEmpty() || entry.equals("*")) {
      return null;
    }
    if (hasPort(entry)) {
      throw new AllowlistException("allow entry \"" + raw.trim() + "\" has a port; egress "
          + "allowlists match host names only (no port rules)");
    }
    boolean bracketed = entry.startsWith("[") && entry.endsWith("]");
    if (bracketed) {
      entry = entry.substring(1, entry.length() - 1);
    }
    String name = entry.startsWith("*.") ? entry.substring(2) : entry;
    // Brackets belong around IPv6 literals only.
    if (!validName(name) || (bracketed && entry.indexOf(':') < 0)) {
      throw new AllowlistException("allow entry \"" + raw.trim() + "\" is not a host name "
          + "pattern; use example.com or *.example.com");
    }
    return entry;
  }

  /** {@code host:port} or {@code [v6]:port}; a bare IPv6 literal has several colons, no port. */
  private static boolean hasPort(String entry) {
    if (entry.startsWith("[")) {
      return entry.contains("]:");
    }
    int colon = entry.indexOf(':');
    return colon >= 0 && colon == entry.lastIndexOf(':');
  }

  /** Letters, digits, '-', '_', '.' (no empty labels) or an IPv6 literal's hex digits and colons. */
  private static boolean validName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    if (name.indexOf(':') >= 0) {
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          return false;
        }
      }
      return true;
    }
    if (name.startsWith(".") || name.contains("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** The host as the allowlist compares it: lowercase, no brackets, one trailing dot dropped. */
  static String canonicalHost(String host) {
    String name = host.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }
}
