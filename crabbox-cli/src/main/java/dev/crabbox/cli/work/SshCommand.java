package dev.crabbox.cli.work;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.LocalTerminal;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.cli.ssh.ShellWords;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox ssh --id <lease> [-- <command…>]}: an interactive shell on the lease, or one
 * command whose exit code becomes crabbox's. The host key is the one the lease record pins.
 */
@Command(name = "ssh",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = {"Open a shell on a lease over SSH (with a terminal when crabbox runs in one), or run one "
        + "command after -- and exit with its exit code. The lease's pinned host key is checked; no "
        + "known_hosts entry is needed or written.",
        "Unlike `crabbox run`, nothing is recorded at the coordinator."})
public final class SshCommand implements Callable<Integer> {
  private static final String DEFAULT_TERM = "xterm-256color";

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseRef lease;

  @Mixin
  CoordinatorFlags coordinator;

  @Parameters(arity = "0..*", paramLabel = "<command>", description = "A command to run instead of a shell, after --.")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    String leaseRef = lease.lease();
    CliEnvironment environment = CliEnvironment.of(spec);
    CoordinatorSession session = coordinator.session(spec);
    OperatorKey key = OperatorKey.resolve(environment.settings());
    var ssh = session.call(client -> client.getLease(leaseRef).compose(LeaseFacts::read)
        .map(LeaseFacts::requireSsh));
    // The command's own thread, not an event loop: this command does nothing else meanwhile.
    try (LeaseShell shell = LeaseShell.connect(ssh, key, SshSteps.CONNECT_TIMEOUT)) {
      if (command != null && !command.isEmpty()) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return shell.exec(ShellWords.commandLine(command), text -> {
          out.print(text);
          out.flush();
        }, text -> {
          err.print(text);
          err.flush();
        });
      }
      return interactive(shell);
    }
  }

  private int interactive(LeaseShell shell) throws Exception {
    boolean terminal = System.console() != null;
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    FileOutputStream err = new FileOutputStream(FileDescriptor.err);
    FileInputStream in = new FileInputStream(FileDescriptor.in);
    if (!terminal) {
      return shell.interactive(in, out, err, null);
    }
    LocalTerminal raw = LocalTerminal.raw();
    try {
      String type = CliEnvironment.of(spec).variables().getOrDefault("TERM", DEFAULT_TERM);
      return shell.interactive(in, out, err, new LeaseShell.Pty(type, raw.columns(), raw.rows()));
    } finally {
      raw.close();
    }
  }
}
