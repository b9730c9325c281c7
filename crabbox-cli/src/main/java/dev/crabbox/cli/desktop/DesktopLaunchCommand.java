package dev.crabbox.cli.desktop;

import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.egress.LeaseSelector;
import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.work.LeaseBridgeLaunch;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import dev.crabbox.protocol.capability.Capability;
import dev.crabbox.protocol.capability.CapabilityEnv;
import dev.crabbox.protocol.net.ListenAddress;
import dev.crabbox.protocol.net.ListenAddressException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox desktop launch}: starts the lease's browser (or opens a URL) detached on its
 * desktop ({@code DISPLAY=:99}); with {@code --egress} the browser uses the lease-local egress
 * proxy that {@code egress start} runs. {@code --webvnc} starts the lease's VNC bridge agent and
 * prints the portal's WebVNC page.
 */
@Command(name = "launch",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Launch the lease browser (or open a URL) on its desktop")
public final class DesktopLaunchCommand implements Callable<Integer> {
  static final String EGRESS_NEEDS_BROWSER = "desktop launch --egress currently requires --browser";
  static final String OPEN_NEEDS_WEBVNC = "--open requires --webvnc";

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseSelector lease;

  @Option(names = "--browser", description = "Launch the lease's browser ($CHROME_BIN).")
  boolean browser;

  @Option(names = "--url", paramLabel = "<url>", description = "Page to open.")
  String url;

  @Option(names = "--egress", paramLabel = "<profile>",
      description = "Send the browser through the lease-local egress proxy (start it with egress start).")
  String egress;

  @Option(names = "--egress-proxy", paramLabel = "<host:port>", defaultValue = "127.0.0.1:3128",
      description = "The lease-local egress proxy. Default: ${DEFAULT-VALUE}.")
  String egressProxy;

  @Option(names = "--webvnc", description = "Start the lease's WebVNC bridge (as crabbox webvnc does) and "
      + "print its portal page.")
  boolean webvnc;

  @Option(names = "--open", description = "Open the WebVNC page in this machine's browser (needs --webvnc).")
  boolean open;

  @Option(names = "--fullscreen", description = "Start the browser full screen.")
  boolean fullscreen;

  @Mixin
  CoordinatorFlags coordinator;

  @Override
  public Integer call() throws IOException {
    String leaseRef = lease.lease();
    if (egress != null && !browser) {
      throw new UsageException(EGRESS_NEEDS_BROWSER);
    }
    if (open && !webvnc) {
      throw new UsageException(OPEN_NEEDS_WEBVNC);
    }
    if (!browser && (url == null || url.isBlank())) {
      throw new UsageException("desktop launch needs --browser or --url: there is nothing to launch");
    }
    String proxy = egress == null ? null : loopbackProxy(egressProxy);
    Set<Capability> requested = browser ? EnumSet.of(Capability.DESKTOP, Capability.BROWSER)
        : EnumSet.of(Capability.DESKTOP);
    PrintWriter out = spec.commandLine().getOut();
    try (LeaseConnection lease = LeaseConnection.open(spec, coordinator, leaseRef, requested)) {
      Map<String, String> environment = lease.gate().environment(lease.shell());
      LeaseShell.Captured launched = lease.shell().capture(
          BrowserLaunch.script(environment, browser, url, proxy, fullscreen));
      if (launched.exitCode() != 0) {
        throw new FatalSetupException("desktop launch failed on " + lease.shell().endpoint() + ": "
            + launched.err().strip());
      }
      out.printf("desktop launch: started %s on DISPLAY=%s of %s (pid %s%s); log: %s%n",
          browser ? environment.getOrDefault("CHROME_BIN", "the browser") : "xdg-open",
          CapabilityEnv.DISPLAY, lease.lease().slug(), launched.out().strip(),
          proxy == null ? "" : ", proxy http://" + proxy, BrowserLaunch.LOG);
      out.flush();
      if (webvnc) {
        // The same lease bridge agent `crabbox webvnc` starts; it prints the portal page.
        return LeaseBridgeLaunch.of(LeaseBridgeKind.VNC, "desktop launch --webvnc").run(
            lease.session(), lease.key(), lease.lease().id(), open, out, spec.commandLine().getErr());
      }
    }
    return ExitCodes.OK;
  }

  private static String loopbackProxy(String text) {
    try {
      return ListenAddress.parse(text).toString();
    } catch (ListenAddressException e) {
      throw new UsageException("--egress-proxy: " + e.getMessage(), e);
    }
  }
}
