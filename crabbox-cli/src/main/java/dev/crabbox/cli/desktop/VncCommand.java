package dev.crabbox.cli.desktop;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.egress.LeaseSelector;
import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.runtime.ShutdownSignal;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.work.CapabilityProbeException;
import dev.crabbox.protocol.capability.Capability;
import dev.crabbox.protocol.capability.Probes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox vnc --id <lease>}: an SSH local forward from a loopback port here to the lease's
 * loopback VNC server (127.0.0.1:5900), with the password from {@code /var/lib/crabbox/vnc.password};
 * stays up until Ctrl-C. There is no public VNC port: the lease's loopback bind is the boundary.
 */
@Command(name = "vnc",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Tunnel the lease's loopback VNC server to this machine over SSH")
public final class VncCommand implements Callable<Integer> {
  /** Where the managed desktop bootstrap writes the VNC password (spec 003). */
  public static final String PASSWORD_FILE = "/var/lib/crabbox/vnc.password";

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseSelector lease;

  @Option(names = "--local-port", paramLabel = "<port>", defaultValue = "0",
      description = "Local port of the tunnel on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int localPort;

  @Mixin
  CoordinatorFlags coordinator;

  @Override
  public Integer call() throws IOException {
    String leaseRef = lease.lease();
    if (localPort < 0 || localPort > 65535) {
      throw new UsageException("--local-port must be between 0 and 65535, got " + localPort);
    }
    try (LeaseConnection lease = LeaseConnection.open(spec, coordinator, leaseRef, Set.of(Capability.DESKTOP))) {
      LeaseShell shell = lease.shell();
      requireVnc(shell);
      String password = shell.capture("cat " + PASSWORD_FILE + " 2>/dev/null").out().strip();
      try (ServerSocket local = new ServerSocket(localPort, 50, InetAddress.getLoopbackAddress())) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("vnc: 127.0.0.1:%d -> %s 127.0.0.1:%d (Ctrl-C to stop)%n", local.getLocalPort(),
            lease.lease().slug(), Probes.VNC_PORT);
        out.println(password.isEmpty()
            ? "vnc: no password in " + PASSWORD_FILE + " on the lease; use the one its VNC server expects"
            : "vnc: password: " + password);
        out.flush();
        return forwardUntilStopped(shell, local);
      }
    }
  }

  private int forwardUntilStopped(LeaseShell shell, ServerSocket local) throws IOException {
    Thread forwarding = Thread.currentThread();
    ShutdownSignal.Subscription stop = CliEnvironment.of(spec).shutdown().onShutdown(() -> {
      forwarding.interrupt();
      try {
        local.close();
      } catch (IOException e) {
        // Closing is the stop; nothing else to do.
      }
    });
    try {
      shell.forwardLocal(local, Probes.VNC_HOST, Probes.VNC_PORT);
    } catch (IOException e) {
      if (!local.isClosed()) {
        throw new FatalSetupException("the VNC tunnel to " + shell.endpoint() + " ended: " + e.getMessage(), e);
      }
    } finally {
      stop.close();
      // The interrupt was the stop signal for the forwarder; it must not leak into what follows.
      Thread.interrupted();
    }
    return ExitCodes.OK;
  }

  /** A forward needs the server to allow it (the local provider's never does) and a listener. */
  private static void requireVnc(LeaseShell shell) throws IOException {
    LeaseShell.PortCheck check = shell.probePort(Probes.VNC_HOST, Probes.VNC_PORT);
    if (check == LeaseShell.PortCheck.NOT_FORWARDED) {
      throw new FatalSetupException("crabbox vnc needs SSH port forwarding to reach " + Probes.VNC_HOST + ":"
          + Probes.VNC_PORT + " on the lease, and the SSH server at " + shell.endpoint() + " allows none "
          + "(the local provider's built-in SSH server never does); use a lease whose SSH server permits "
          + "TCP forwarding");
    }
    if (check == LeaseShell.PortCheck.CLOSED) {
      throw new CapabilityProbeException(Probes.desktopNotFound());
    }
  }
}
