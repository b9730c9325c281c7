package dev.crabbox.coordinator.store;

import java.util.Locale;

/** Which database a coordinator keeps its state in. */
public enum StoreKind {

  /** An embedded H2 file in the data directory: one coordinator node (the default). */
  H2("h2"),

  /** A PostgreSQL server, which any number of coordinator nodes may share. */
  POSTGRES("postgres");

  private final String flag;

  StoreKind(String flag) {
    this.flag = flag;
  }

  /** The name on the command line ({@code --store h2|postgres}). */
  public String flag() {
    return flag;
  }

  /** Reads {@code h2} or {@code postgres} ({@code postgresql} too); IllegalArgumentException otherwise. */
  public static StoreKind parse(String text) {
    String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (name.equals("postgresql")) {
      return POSTGRES;
    }
    for (StoreKind kind : values()) {
      if (kind.flag.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown store '" + text + "'; choose h2 or postgres");
  }
}
