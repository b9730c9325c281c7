package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.agent.LeaseAgentInstaller;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.ShellWords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The lease side of {@code egress start} and {@code egress stop}, as POSIX shell over one SSH
 * connection: the Java check, the helper jar in the user's cache directory
 * ({@code ${XDG_CACHE_HOME:-~/.cache}/crabbox}), the detached {@code egress client} with its pid
 * file, the wait for its listener, and stopping it. Every method blocks.
 */
final class LeaseEgressClient {
  /** Where the detached client writes its output on the lease (spec 000, troubleshooting). */
  static final String LOG = "/tmp/crabbox-egress-client.log";

  private static final String DIR = "d=\"${XDG_CACHE_HOME:-$HOME/.cache}/crabbox\"; ";
  private static final String PID_FILE = "\"$d/egress/client.pid\"";
  private static final String TICKET_FILE = "\"$d/egress/client.ticket\"";
  private static final String CA_FILE = "\"$d/egress/coordinator-ca.pem\"";
  private static final int LOG_LINES = 20;
  /** Exit status of the listener check when the client process is gone. */
  private static final int CLIENT_GONE = 3;

  private final LeaseShell shell;
  private final LeaseAgentInstaller installer;

  LeaseEgressClient(LeaseShell shell) {
    this.shell = shell;
    this.installer = new LeaseAgentInstaller(shell);
  }

  /** Refuses (exit 4) when the lease has no Java 17+ on the PATH. */
  void requireJava() throws IOException {
    installer.requireJava("egress start");
  }

  /** Uploads {@code jar} unless a copy with its checksum is already there; true when it uploaded. */
  boolean install(AgentJar jar) throws IOException {
    return installer.install(jar);
  }

  /**
   * Starts {@code egress client} detached (setsid/nohup), logging to {@link #LOG}. The one-use
   * ticket travels on standard input into an owner-only file, so it never appears in a process
   * list; the client reads it at start. {@code coordinatorCa} (PEM, or null) is the CA that signed
   * an https coordinator's certificate, when the operator trusts a private one.
   */
  void start(AgentJar jar, URI coordinator, String lease, String session, String listen, String ticket,
      byte[] coordinatorCa) throws IOException {
    write(TICKET_FILE, ticket.getBytes(StandardCharsets.UTF_8), "ticket");
    String ca = "";
    if (coordinatorCa != null) {
      write(CA_FILE, coordinatorCa, "coordinator CA");
      ca = " --ca " + CA_FILE;
    }
    String command = "setsid nohup java -jar \"$d/agent/" + jar.fileName() + "\" egress client"
        + " --coordinator " + ShellWords.quote(coordinator.toString())
        + " --lease " + ShellWords.quote(lease)
        + " --session " + ShellWords.quote(session)
        + " --listen " + ShellWords.quote(listen)
        + " --ticket-file " + TICKET_FILE + ca;
    // cd first, on its own: "a && b &" would background a subshell and $! would not be the client.
    String script = DIR + "cd \"$d/egress\" || exit 1; " + command + " > " + LOG + " 2>&1 < /dev/null & "
        + "echo $! > " + PID_FILE;
    LeaseShell.Captured started = shell.capture(script);
    if (started.exitCode() != 0) {
      throw new FatalSetupException("cannot start the egress client on " + shell.endpoint() + ": "
          + orStatus(started));
    }
  }

  /** Writes {@code bytes} into {@code file} (owner-only) through standard input. */
  private void write(String file, byte[] bytes, String what) throws IOException {
    LeaseShell.Captured saved = shell.feed(DIR + "umask 077; mkdir -p \"$d/egress\" && cat > " + file,
        new ByteArrayInputStream(bytes));
    if (saved.exitCode() != 0) {
      throw new FatalSetupException("cannot write the egress client's " + what + " on " + shell.endpoint() + ": "
          + orStatus(saved));
    }
  }

  /**
   * Waits until the client listens on {@code port}; else fails with {@code remote egress client
   * did not listen}, how to read the remote log, and its last lines. The ticket file is removed
   * either way.
   */
  void awaitListening(int port, Duration timeout, Duration poll, String leaseRef) throws IOException {
    String check = DIR + "pid=$(cat " + PID_FILE + " 2>/dev/null); "
        + "{ [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null; } || exit " + CLIENT_GONE + "; "
        + listenerOf("$pid", port);
    Instant deadline = Instant.now().plus(timeout);
    try {
      while (true) {
        int status = shell.capture(check).exitCode();
        if (status == 0) {
          return;
        }
        if (status == CLIENT_GONE || Instant.now().isAfter(deadline)) {
          throw new FatalSetupException(didNotListen(leaseRef, status == CLIENT_GONE));
        }
        Polling.pause(poll);
      }
    } finally {
      shell.capture(DIR + "rm -f " + TICKET_FILE);
    }
  }

  /** Stops a running client named by the pid file (only a crabbox-agent process); its pid, or empty. */
  OptionalLong stop() throws IOException {
    String script = DIR + "p=" + PID_FILE + "; [ -f \"$p\" ] || exit 0; pid=$(cat \"$p\"); rm -f \"$p\"; "
        + "[ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null || exit 0; "
        + "tr '\\000' ' ' < /proc/$pid/cmdline 2>/dev/null | grep -q crabbox-agent || exit 0; "
        + "kill \"$pid\"; i=0; while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; "
        + "kill -9 \"$pid\" 2>/dev/null; echo \"$pid\"";
    String out = shell.capture(script).out().strip();
    return out.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(out));
  }

  /**
   * Exits 0 when process {@code pid} owns a socket listening on {@code port}: the kernel's socket
   * table names the listener's inode, the process's fd directory the sockets it holds. Another
   * program on the port does not count.
   */
  static String listenerOf(String pid, int port) {
    return "for ino in $(awk '$2 ~ /:" + String.format("%04X", port) + "$/ && $4 == \"0A\" { print $10 }' "
        + "/proc/net/tcp /proc/net/tcp6 2>/dev/null); do "
        + "ls -l /proc/" + pid + "/fd 2>/dev/null | grep -q \"socket:\\[$ino\\]\" && exit 0; done; exit 1";
  }

  private String didNotListen(String leaseRef, boolean exited) throws IOException {
    String tail = shell.capture("tail -n " + LOG_LINES + " " + LOG + " 2>/dev/null").out().stripTrailing();
    StringBuilder message = new StringBuilder("remote egress client did not listen")
        .append(exited ? " (it exited)" : "")
        .append("\nInspect the remote helper log:\n  crabbox ssh --id ").append(leaseRef)
        .append("\n  cat ").append(LOG);
    if (!tail.isEmpty()) {
      message.append("\nLast lines of ").append(LOG).append(":");
      tail.lines().forEach(line -> message.append("\n  ").append(line));
    }
    return message.toString();
  }

  private static String orStatus(LeaseShell.Captured captured) {
    String err = captured.err().strip();
    return err.isEmpty() ? "exit status " + captured.exitCode() : err;
  }
}
