package dev.crabbox.portal.page;

import dev.crabbox.coordinator.lease.VisibleLease;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.RunRecord;
import dev.crabbox.coordinator.store.TelemetrySample;
import dev.crabbox.portal.view.Command;
import dev.crabbox.portal.view.LeaseDetailView;
import dev.crabbox.portal.view.LeaseDetailView.Bridge;
import dev.crabbox.portal.view.LeaseDetailView.RunRow;
import dev.crabbox.portal.view.Link;
import dev.crabbox.portal.view.Page;
import dev.crabbox.portal.view.Pill;
import dev.crabbox.portal.web.Paths;
import dev.crabbox.portal.web.StatePills;
import dev.crabbox.portal.web.TelemetryPanel;
import dev.crabbox.portal.web.Times;
import dev.crabbox.protocol.api.EgressStatus;
import dev.crabbox.protocol.api.LeaseMachine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the lease page from a visible lease, its egress status, telemetry and runs. Pure. The
 * egress line names the profile and allowlist only: never a ticket, session secret or proxy URL.
 */
final class LeaseDetail {

  static final int RECENT_RUNS = 50;
  static final int ALLOW_SHOWN = 3;

  private LeaseDetail() {}

  static LeaseDetailView build(Page page, VisibleLease visible, EgressStatus egress,
      List<TelemetrySample> samples, List<RunRecord> runs, String runState, Instant now) {
    LeaseRecord l = visible.lease();
    boolean active = l.activeAt(now);
    LeaseDetailView.Lease lease = new LeaseDetailView.Lease(l.id(), l.slug(), l.owner(), l.org(),
        l.provider(), l.target(), StatePills.lease(l.stateAt(now)),
        Times.relative(l.createdAt(), now), Times.iso(l.createdAt()),
        Times.relative(l.expiresAt(), now), Times.iso(l.expiresAt()),
        l.failure() == null ? "" : l.failure(), machine(l.machine()), Paths.lease(l.slug()),
        Paths.share(l.slug()), Paths.release(l.slug()));
    return new LeaseDetailView(page, lease, bridges(l, egress, active),
        TelemetryPanel.of(samples, now, active), active ? commands(l, egress) : List.of(),
        runFilters(l.slug(), runState), runRows(runs, runState, now),
        visible.access().canManage() && !l.state().ended(), visible.access().canManage(),
        visible.access().canManage() ? "manage" : "use");
  }

  private static String machine(LeaseMachine machine) {
    if (machine == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    if (machine.serverType() != null) {
      out.append(machine.serverType());
    }
    if (machine.region() != null && !machine.region().isEmpty()) {
      out.append(out.length() > 0 ? " in " : "").append(machine.region());
    }
    return out.toString();
  }

  private static List<Bridge> bridges(LeaseRecord l, EgressStatus egress, boolean active) {
    List<Bridge> bridges = new ArrayList<>();
    bridges.add(capability("webvnc", "WebVNC", l.desktop(), active, "desktop"));
    bridges.add(capability("code", "code-server", l.code(), active, "code"));
    if (egress.active()) {
      bridges.add(new Bridge("egress", "Egress",
          new Pill("session active", "ok", "an egress session is open"),
          "host " + (egress.hostConnected() ? "connected" : "not connected") + " · client "
              + (egress.clientConnected() ? "connected" : "not connected") + " · profile "
              + (egress.profile().isEmpty() ? "none" : egress.profile()) + " · allow "
              + allowSummary(egress.allow())));
    } else {
      bridges.add(new Bridge("egress", "Egress", new Pill("no session", "muted", ""),
          "start one with crabbox egress start"));
    }
    return bridges;
  }

  private static Bridge capability(String id, String name, boolean enabled, boolean active,
      String capability) {
    if (!enabled) {
      return new Bridge(id, name, new Pill("not enabled", "muted", ""),
          "the lease was created without the " + capability + " capability");
    }
    return active
        ? new Bridge(id, name, new Pill("available", "ok", ""), "open it from the CLI below")
        : new Bridge(id, name, new Pill("unavailable", "muted", ""), "the lease is not active");
  }

  static String allowSummary(List<String> allow) {
    if (allow.isEmpty()) {
      return "nothing";
    }
    List<String> shown = allow.subList(0, Math.min(ALLOW_SHOWN, allow.size()));
    String text = String.join(", ", shown);
    return allow.size() > ALLOW_SHOWN ? text + " and " + (allow.size() - ALLOW_SHOWN) + " more"
        : text;
  }

  private static List<Command> commands(LeaseRecord l, EgressStatus egress) {
    String id = " --id " + l.slug();
    List<Command> commands = new ArrayList<>();
    commands.add(new Command("cmd-ssh", "SSH", "crabbox ssh" + id));
    commands.add(new Command("cmd-run", "Run", "crabbox run" + id + " -- <command>"));
    commands.add(new Command("cmd-webvnc", "Desktop", "crabbox webvnc" + id));
    commands.add(new Command("cmd-code", "Editor", "crabbox code" + id));
    if (egress.active()) {
      commands.add(new Command("cmd-egress-status", "Egress status",
          "crabbox egress status" + id));
      commands.add(new Command("cmd-egress-stop", "Egress stop", "crabbox egress stop" + id));
    }
    return commands;
  }

  private static List<Link> runFilters(String slug, String current) {
    List<Link> links = new ArrayList<>();
    for (String state : List.of("all", "running", "succeeded", "failed")) {
      links.add(new Link(state, Paths.lease(slug) + ("all".equals(state) ? "" : "?runs=" + state)
          + "#runs", state.equals(current)));
    }
    return links;
  }

  private static List<RunRow> runRows(List<RunRecord> runs, String state, Instant now) {
    List<RunRow> rows = new ArrayList<>();
    for (RunRecord r : runs) {
      if (rows.size() == RECENT_RUNS) {
        break;
      }
      if (!"all".equals(state) && !state.equals(r.state().wire())) {
        continue;
      }
      rows.add(new RunRow(r.id(), Paths.run(r.id()), r.command(), r.owner(),
          StatePills.run(r.state()), Times.relative(r.startedAt(), now), Times.iso(r.startedAt()),
          r.exitCode() == null ? "" : r.exitCode().toString()));
    }
    return rows;
  }
}
