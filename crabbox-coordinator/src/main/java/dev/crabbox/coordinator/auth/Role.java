package dev.crabbox.coordinator.auth;

import java.util.Locale;

/** What a bearer token lets its holder do: users see their own and shared leases, admins all. */
public enum Role {
  USER,
  ADMIN;

  /** The claim value on the wire: {@code user} or {@code admin}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code user} or {@code admin} (any case). */
  public static Role parse(String text) {
    if (text != null) {
      for (Role role : values()) {
        if (role.wire().equalsIgnoreCase(text.trim())) {
          return role;
        }
      }
    }
    throw new IllegalArgumentException("role must be user or admin, got \"" + text + "\"");
  }
}
