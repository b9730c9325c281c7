package dev.crabbox.cli.work;

import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.ShellWords;
import dev.crabbox.coordinator.provider.bootstrap.CloudInitBootstrap;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.capability.BrowserCandidate;
import dev.crabbox.protocol.capability.Capability;
import dev.crabbox.protocol.capability.CapabilityCheck;
import dev.crabbox.protocol.capability.CapabilityEnv;
import dev.crabbox.protocol.capability.LabelCheck;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.Probes;
import dev.crabbox.protocol.capability.ProviderSpec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capabilities a command asks of an existing lease (spec 003): the provider feature check,
 * then the label check for managed leases; static/local hosts are probed over SSH instead, and
 * the run gets the environment of what was requested and found.
 */
public final class CapabilityGate {
  private final Set<Capability> requested;
  private final Set<Capability> mustProbe;
  private final LeaseTarget target;

  private CapabilityGate(Set<Capability> requested, Set<Capability> mustProbe, LeaseTarget target) {
    this.requested = requested;
    this.mustProbe = mustProbe;
    this.target = target;
  }

  /**
   * Checks {@code requested} against the lease's provider and labels.
   *
   * @throws UsageException with the spec's message for the first refused capability
   */
  public static CapabilityGate check(LeaseView lease, Set<Capability> requested) {
    ProviderSpec provider = LeaseFacts.provider(lease);
    LeaseTarget target = LeaseFacts.target(lease);
    List<String> refused = CapabilityCheck.validateRequested(provider, target, requested);
    if (!refused.isEmpty()) {
      throw new UsageException(refused.get(0));
    }
    LabelCheck labels = CapabilityCheck.enforceLabels(lease.id(), provider,
        Map.of(Capability.DESKTOP, lease.labels().desktop(), Capability.BROWSER, lease.labels().browser(),
            Capability.CODE, lease.labels().code()), requested);
    if (!labels.ok()) {
      throw new UsageException(labels.failures().get(0));
    }
    return new CapabilityGate(requested, labels.mustProbe(), target);
  }

  /**
   * Runs the probes the lease needs (blocking) and returns the run's capability environment.
   *
   * @throws CapabilityProbeException when a probed capability is missing on the host
   */
  public Map<String, String> environment(LeaseShell shell) throws IOException {
    if (mustProbe.contains(Capability.DESKTOP) && !vncListening(shell)) {
      throw new CapabilityProbeException(Probes.desktopNotFound());
    }
    String browser = CloudInitBootstrap.BROWSER_PATH;
    if (mustProbe.contains(Capability.BROWSER)) {
      browser = findBrowser(shell);
    }
    return CapabilityEnv.forRun(requested, browser);
  }

  /**
   * Through a forwarded channel where the server allows one; else (the local provider allows
   * none) from the Linux kernel's socket table: a listener on 127.0.0.1 or on every address.
   */
  private boolean vncListening(LeaseShell shell) throws IOException {
    LeaseShell.PortCheck check = shell.probePort(Probes.VNC_HOST, Probes.VNC_PORT);
    if (check != LeaseShell.PortCheck.NOT_FORWARDED) {
      return check == LeaseShell.PortCheck.OPEN;
    }
    if (target != LeaseTarget.LINUX) {
      throw new CapabilityProbeException("--desktop cannot be checked: the SSH server at " + shell.endpoint()
          + " allows no port forwarding, which VNC needs");
    }
    return shell.capture(vncListenerSearch(Probes.VNC_PORT)).exitCode() == 0;
  }

  /**
   * Exits 0 when /proc/net/tcp{,6} lists a listener (state 0A) on {@code port} that a connection
   * to 127.0.0.1 reaches: bound to 127.0.0.1, to every address, or (dual-stack) to ::ffff:127.0.0.1.
   */
  public static String vncListenerSearch(int port) {
    String hexPort = String.format("%04X", port);
    return "grep -Eq '^ *[0-9]+: (0100007F|00000000):" + hexPort + " [0-9A-F]{8}:[0-9A-F]{4} 0A' /proc/net/tcp"
        + " || grep -Eq '^ *[0-9]+: (0{32}|0{16}FFFF00000100007F):" + hexPort
        + " [0-9A-F]{32}:[0-9A-F]{4} 0A' /proc/net/tcp6";
  }

  private String findBrowser(LeaseShell shell) throws IOException {
    if (target == LeaseTarget.WINDOWS) {
      throw new CapabilityProbeException("--browser probing of Windows hosts is not supported by this "
          + "CLI; searched nothing on the windows host");
    }
    LeaseShell.Captured found = shell.capture(browserSearch(Probes.browserSearchOrder(target)));
    String path = found.out().strip().lines().findFirst().orElse("");
    if (found.exitCode() != 0 || path.isEmpty()) {
      throw new CapabilityProbeException(Probes.browserNotFound(target));
    }
    return path;
  }

  /** A POSIX shell script printing the first candidate that resolves, exiting 1 when none does. */
  static String browserSearch(List<BrowserCandidate> candidates) {
    StringBuilder script = new StringBuilder();
    for (BrowserCandidate c : candidates) {
      switch (c.source()) {
        case ENV -> script.append("v=\"${").append(c.value()).append(":-}\"; if [ -n \"$v\" ]; then ")
            .append("p=$(command -v \"$v\" 2>/dev/null) && { printf '%s\\n' \"$p\"; exit 0; }; fi; ");
        case PATH -> script.append("p=$(command -v ").append(ShellWords.quote(c.value()))
            .append(" 2>/dev/null) && { printf '%s\\n' \"$p\"; exit 0; }; ");
        default -> script.append("if [ -e ").append(ShellWords.quote(c.value())).append(" ]; then printf '%s\\n' ")
            .append(ShellWords.quote(c.value())).append("; exit 0; fi; ");
      }
    }
    return script.append("exit 1").toString();
  }
}
