package dev.crabbox.cli.egress;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --profile} and {@code --allow}, shared by {@code egress host} and {@code egress start}:
 * the destinations the host side may dial, merged by {@link HostAllowlist}.
 */
public final class AllowlistFlags {

  @Option(names = "--profile", paramLabel = "<name>",
      description = "Built-in allowlist profile (discord, slack); repeatable, merged with --allow.")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--allow", paramLabel = "<patterns>",
      description = "Comma-separated host patterns such as example.com,*.example.com (no ports); "
          + "repeatable.")
  List<String> allow = new ArrayList<>();

  /** Whether neither flag names anything (an open proxy would follow: callers refuse). */
  public boolean isEmpty() {
    return blank(profiles) && blank(allow);
  }

  private static boolean blank(List<String> values) {
    return values.stream().allMatch(value -> value == null || value.isBlank());
  }

  /** The merged allowlist; throws on an unknown profile or a malformed pattern. */
  public HostAllowlist allowlist() {
    return HostAllowlist.of(profiles, allow);
  }
}
