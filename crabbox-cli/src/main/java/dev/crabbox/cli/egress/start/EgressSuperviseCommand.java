package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.runtime.ShutdownSignal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox egress supervise --lease <id> -- <egress host arguments>} (hidden): the process
 * {@code egress start --daemon} leaves behind. It holds the lease's lock file for its whole life
 * (one daemon per lease), writes its pid file, and runs the host bridge under a {@link Supervisor}
 * until SIGTERM ({@code egress stop}) or a fatal bridge exit.
 */
@Command(name = EgressSuperviseCommand.NAME,
    hidden = true,
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Run the egress host bridge under a supervisor (started by egress start --daemon)")
public final class EgressSuperviseCommand implements Callable<Integer> {
  static final String NAME = "supervise";

  @Spec
  CommandSpec spec;

  @Option(names = "--lease", required = true, paramLabel = "<lease-id>",
      description = "The lease id the daemon's files are named after.")
  String lease;

  @Parameters(arity = "1..*", paramLabel = "<host-args>",
      description = "The egress host command line, after --.")
  List<String> hostArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    CliEnvironment environment = CliEnvironment.of(spec);
    DaemonFiles files = DaemonFiles.of(environment, lease);
    files.create();
    PrintWriter out = spec.commandLine().getOut();
    try (FileChannel channel = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.tryLock()) {
      if (held == null) {
        out.println("egress daemon: another egress host daemon holds " + files.lock() + "; not starting");
        out.flush();
        return ExitCodes.USAGE;
      }
      Files.writeString(files.pid(), ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
      Supervisor supervisor = new Supervisor(CrabboxProcess.command(hostArgs), out);
      ShutdownSignal.Subscription stopOnSignal = environment.shutdown().onShutdown(() -> {
        supervisor.stop();
        deletePid(files);
      });
      try {
        return supervisor.run();
      } finally {
        deletePid(files);
        stopOnSignal.close();
      }
    }
  }

  private static void deletePid(DaemonFiles files) {
    try {
      Files.deleteIfExists(files.pid());
    } catch (IOException e) {
      // The next start reads a stale pid file as "not running" (no live supervisor behind it).
    }
  }
}
