package dev.crabbox.protocol.allow;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The built-in named allowlists of spec 001 ("Profiles and allowlists"). */
public final class Profiles {

  private static final Map<String, List<String>> PATTERNS;

  static {
    Map<String, List<String>> byName = new TreeMap<>();
    byName.put("discord", List.of("discord.com", "*.discord.com", "discordcdn.com",
        "*.discordcdn.com", "hcaptcha.com", "*.hcaptcha.com"));
    byName.put("slack", List.of("slack.com", "*.slack.com", "slack-edge.com", "*.slack-edge.com"));
    PATTERNS = Collections.unmodifiableMap(byName);
  }

  private Profiles() {}

  /** Profile names in alphabetical order. */
  public static Set<String> names() {
    return PATTERNS.keySet();
  }

  /** The patterns of a profile; the name is trimmed and matched case-insensitively. */
  public static List<String> patterns(String name) throws AllowlistException {
    List<String> patterns = name == null ? null : PATTERNS.get(name.trim().toLowerCase(Locale.ROOT));
    if (patterns == null) {
      throw new AllowlistException("unknown egress profile \"" + name + "\"; known profiles: "
          + String.join(", ", names()));
    }
    return patterns;
  }
}
