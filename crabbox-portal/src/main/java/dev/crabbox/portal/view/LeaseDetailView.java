package dev.crabbox.portal.view;

import java.util.List;

/**
 * The lease page: header, bridge status, telemetry, access commands, recent runs, and the
 * actions the caller's access allows ({@code releasable}, {@code shareable}).
 */
public record LeaseDetailView(Page page, Lease lease, List<Bridge> bridges,
    TelemetryView telemetry, List<Command> commands, List<Link> runFilters, List<RunRow> runs,
    boolean releasable, boolean shareable, String access) {

  /** What the header shows about the lease. */
  public record Lease(String id, String slug, String owner, String org, String provider,
      String target, Pill state, String created, String createdIso, String expires,
      String expiresIso, String failure, String machine, String href, String shareHref,
      String releaseHref) {}

  /** The status of one bridge (WebVNC, code-server, egress) and a one-line detail. */
  public record Bridge(String id, String name, Pill status, String detail) {}

  /** A row of the recent-runs grid. */
  public record RunRow(String id, String href, String command, String owner, Pill state,
      String started, String startedIso, String exitCode) {}
}
