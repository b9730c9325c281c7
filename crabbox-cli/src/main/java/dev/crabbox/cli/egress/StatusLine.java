package dev.crabbox.cli.egress;

import dev.crabbox.protocol.api.EgressStatus;
import java.util.List;

/** The one-line rendering of a lease's egress status (the spec's status line). */
public final class StatusLine {
  private StatusLine() {
  }

  /** The spec writes the booleans as Go's {@code %t}; Java's equivalent is {@code %b}. */
  public static String format(EgressStatus status) {
    return String.format("egress: lease=%s session=%s profile=%s host=%b client=%b allow=%s",
        orDash(status.leaseID()), orDash(status.sessionID()), orDash(status.profile()),
        status.hostConnected(), status.clientConnected(), joined(status.allow()));
  }

  static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  static String joined(List<String> values) {
    return values == null || values.isEmpty() ? "-" : String.join(",", values);
  }
}
