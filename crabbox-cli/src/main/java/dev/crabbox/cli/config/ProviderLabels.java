package dev.crabbox.cli.config;

import dev.crabbox.cli.error.UsageException;
import java.util.List;
import java.util.Locale;

/**
 * The provider names a lease can carry. No provider provisions machines yet: leases are
 * resolved through the coordinator whatever the label, which the CLI keeps as the default shown
 * in messages and saves with {@code crabbox login}.
 */
public final class ProviderLabels {
  /** Known provider names, in the order help and errors list them. */
  public static final List<String> KNOWN = List.of("hetzner", "aws", "static", "local", "blacksmith-testbox");

  private ProviderLabels() {
  }

  /** The lower-cased provider of {@code setting}, or a usage error naming the known ones. */
  public static String check(Setting setting) {
    String name = setting.value().toLowerCase(Locale.ROOT);
    if (!KNOWN.contains(name)) {
      throw new UsageException("unknown provider \"" + setting.value() + "\" (from " + setting.source()
          + "); known providers: " + String.join(", ", KNOWN));
    }
    return name;
  }
}
