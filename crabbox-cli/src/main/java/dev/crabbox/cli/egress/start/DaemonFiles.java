package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.config.CliConfigStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The per-user files of one lease's host daemon, in {@code $XDG_STATE_HOME/crabbox/egress}
 * (default {@code ~/.local/state/crabbox/egress}): {@code <lease>.lock} (held by the running
 * supervisor, so there is one daemon per lease), {@code <lease>.pid} and {@code <lease>.log}.
 *
 * @param directory the state directory
 * @param lease the lease id the files are named after
 */
public record DaemonFiles(Path directory, String lease) {

  /** The files of {@code lease} in the state directory of {@code environment}. */
  public static DaemonFiles of(CliEnvironment environment, String lease) {
    String xdg = environment.variables().get("XDG_STATE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg)
        : environment.home().resolve(".local").resolve("state");
    return new DaemonFiles(base.resolve("crabbox").resolve("egress"), lease);
  }

  public Path lock() {
    return directory.resolve(lease + ".lock");
  }

  public Path pid() {
    return directory.resolve(lease + ".pid");
  }

  public Path log() {
    return directory.resolve(lease + ".log");
  }

  /** Creates the state directory, owner-only. */
  void create() {
    try {
      Files.createDirectories(directory, CliConfigStore.ownerOnly("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the egress state directory " + directory, e);
    }
  }

  /** The live supervisor the pid file names, if there is one. */
  public Optional<ProcessHandle> runningSupervisor() {
    try {
      String text = Files.readString(pid(), StandardCharsets.US_ASCII).strip();
      return ProcessHandle.of(Long.parseLong(text))
          .filter(ProcessHandle::isAlive)
          .filter(DaemonFiles::isSupervisor);
    } catch (NoSuchFileException | NumberFormatException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pid(), e);
    }
  }

  /** The last {@code lines} lines of the log, for failure messages. */
  String logTail(int lines) {
    try {
      var all = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** A recycled pid is not our daemon: the command line must name the supervise command. */
  private static boolean isSupervisor(ProcessHandle process) {
    return process.info().arguments()
        .map(args -> String.join(" ", args).contains(EgressSuperviseCommand.NAME))
        .orElse(true);
  }
}
