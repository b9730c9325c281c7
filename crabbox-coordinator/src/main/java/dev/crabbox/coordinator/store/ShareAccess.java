package dev.crabbox.coordinator.store;

import java.util.Locale;
import java.util.Optional;

/** What a share grants: {@code use} (see, status, connect nothing) or {@code manage}. */
public enum ShareAccess {
  USE,
  MANAGE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ShareAccess> parse(String text) {
    if ("use".equals(text)) {
      return Optional.of(USE);
    }
    if ("manage".equals(text)) {
      return Optional.of(MANAGE);
    }
    return Optional.empty();
  }
}
