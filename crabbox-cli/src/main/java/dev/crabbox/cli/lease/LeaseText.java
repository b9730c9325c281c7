package dev.crabbox.cli.lease;

import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.api.LeaseView;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code list} and {@code status} render leases: aligned columns, the desktop/browser/code
 * capability matrix from the lease's labels ({@code yes} or {@code -}) and expiry as relative time.
 */
final class LeaseText {
  private static final String NONE = "-";
  private static final List<String> CAPABILITIES = List.of("DESKTOP", "BROWSER", "CODE");

  private LeaseText() {
  }

  /** The {@code list} table: a header row, then one row per lease. */
  static List<String> table(List<LeaseView> leases, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("ID", "SLUG", "STATE", "PROVIDER", "TARGET"));
    header.addAll(CAPABILITIES);
    header.add("EXPIRES");
    rows.add(header);
    for (LeaseView lease : leases) {
      List<String> row = new ArrayList<>(List.of(lease.id(), lease.slug(), orDash(lease.state()),
          orDash(lease.provider()), orDash(lease.target())));
      row.addAll(marks(lease.labels()));
      row.add(expires(lease, now));
      rows.add(row);
    }
    return columns(rows);
  }

  /**
   * The {@code status} view: one field per line (the machine and its price once the provider has
   * one, the provider's reason on a failed lease), then the capability matrix.
   */
  static List<String> detail(LeaseView lease, Instant now) {
    List<List<String>> fields = new ArrayList<>(List.of(
        List.of("id:", lease.id()),
        List.of("slug:", lease.slug()),
        List.of("state:", orDash(lease.state()))));
    if (lease.failure() != null && !lease.failure().isEmpty()) {
      fields.add(List.of("failure:", lease.failure()));
    }
    fields.addAll(List.of(
        List.of("owner:", orDash(lease.owner())),
        List.of("org:", orDash(lease.org())),
        List.of("provider:", orDash(lease.provider())),
        List.of("target:", orDash(lease.target()))));
    LeaseMachine machine = lease.machine();
    if (machine != null) {
      fields.add(List.of("server:", orDash(machine.serverType())
          + (machine.region().isEmpty() ? "" : " in " + machine.region())));
      fields.add(List.of("ssh:", machine.ssh().user() + "@" + machine.ssh().host() + ":"
          + machine.ssh().port()));
      fields.add(List.of("host key:", machine.ssh().hostKey()));
      if (machine.cost() != null) {
        fields.add(List.of("cost:", cost(machine.cost(), lease, now)));
      }
    }
    fields.addAll(List.of(
        List.of("created:", instant(lease.createdAt())),
        List.of("updated:", instant(lease.updatedAt())),
        List.of("expires:", instant(lease.expiresAt()) + relativeNote(lease, now))));
    List<String> result = new ArrayList<>(columns(fields));
    result.add("capabilities:");
    columns(List.of(CAPABILITIES, marks(lease.labels()))).forEach(line -> result.add("  " + line));
    return result;
  }

  /**
   * {@code 0.0071 EUR/h, about 0.0107 EUR so far}: the list price and the estimate from creation
   * until now (or until the lease ended).
   */
  static String cost(LeaseMachine.Cost cost, LeaseView lease, Instant now) {
    Instant end = "active".equals(lease.state()) || lease.updatedAt() == null ? now
        : lease.updatedAt();
    double hours = lease.createdAt() == null ? 0
        : Math.max(0, Duration.between(lease.createdAt(), end).toSeconds()) / 3600.0;
    return cost.hourly().toPlainString() + " " + cost.currency() + "/h, about "
        + cost.forHours(hours).setScale(4, RoundingMode.HALF_UP).toPlainString() + " "
        + cost.currency() + " so far";
  }

  /**
   * {@code in 29m}, {@code in 1h05m}; {@code expired} once past; {@code -} for a lease that was
   * released or failed.
   */
  static String expires(LeaseView lease, Instant now) {
    if ("released".equals(lease.state()) || "failed".equals(lease.state())
        || lease.expiresAt() == null) {
      return NONE;
    }
    Duration left = Duration.between(now, lease.expiresAt());
    if ("expired".equals(lease.state()) || left.isNegative() || left.isZero()) {
      return "expired";
    }
    return "in " + relative(left);
  }

  private static String relativeNote(LeaseView lease, Instant now) {
    String relative = expires(lease, now);
    return NONE.equals(relative) ? "" : " (" + relative + ")";
  }

  static String relative(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return String.format("%dh%02dm", hours, minutes % 60);
    }
    return String.format("%dd%02dh", hours / 24, hours % 24);
  }

  private static List<String> marks(LeaseView.Labels labels) {
    return List.of(mark(labels.desktop()), mark(labels.browser()), mark(labels.code()));
  }

  private static String mark(boolean on) {
    return on ? "yes" : NONE;
  }

  private static String instant(Instant instant) {
    return instant == null ? NONE : instant.toString();
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }

  /** Pads every column but the last to its widest cell plus two spaces. */
  private static List<String> columns(List<List<String>> rows) {
    int count = rows.get(0).size();
    int[] widths = new int[count];
    for (List<String> row : rows) {
      for (int i = 0; i < count; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < count; i++) {
        line.append(i == count - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
