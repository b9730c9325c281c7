package dev.crabbox.cli.agent;

import dev.crabbox.cli.egress.start.AgentJar;
import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.ShellWords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the slim agent jar on a lease and runs it detached, as POSIX shell over one SSH
 * connection: the Java check, the jar in the user's cache directory
 * ({@code ${XDG_CACHE_HOME:-~/.cache}/crabbox/agent}, uploaded only when that checksum is not
 * there yet), and one named helper process with its pid file, one-use ticket file and log.
 * Shared by the workflows that start lease-side helpers; every method blocks.
 */
public final class LeaseAgentInstaller {

  /** The helper is compiled for Java 17. */
  public static final int REQUIRED_JAVA = 17;
  /** What a refusal suggests; Debian and Ubuntu leases have this package. */
  public static final String JAVA_INSTALL_HINT = "sudo apt-get install -y openjdk-17-jre-headless";

  private static final int UPLOAD_ATTEMPTS = 2;
  private static final String DIR = "d=\"${XDG_CACHE_HOME:-$HOME/.cache}/crabbox\"; ";
  private static final Pattern JAVA_VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?[^\"]*\"");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final LeaseShell shell;

  public LeaseAgentInstaller(LeaseShell shell) {
    this.shell = shell;
  }

  /** Refuses (exit 4) when the lease has no Java 17+ on the PATH; {@code purpose} names the workflow. */
  public void requireJava(String purpose) throws IOException {
    LeaseShell.Captured found = shell.capture("command -v java >/dev/null 2>&1 && java -version 2>&1 | head -n 1");
    String line = found.exitCode() == 0 ? found.out().strip() : "";
    if (javaMajor(line) < REQUIRED_JAVA) {
      throw new FatalSetupException(javaRefusal(purpose, shell.endpoint(), line));
    }
  }

  /** The refusal for a lease whose Java is missing ({@code found} empty) or too old. */
  static String javaRefusal(String purpose, String endpoint, String found) {
    String what = found == null || found.isBlank() ? "no java on the PATH" : "only " + found.strip();
    return purpose + " needs Java " + REQUIRED_JAVA + " or newer on the lease to run the crabbox "
        + "helper, but " + endpoint + " has " + what + "; install one (for example `"
        + JAVA_INSTALL_HINT + "`) and run " + purpose + " again";
  }

  /** The major version in the first line of {@code java -version}, or 0. */
  static int javaMajor(String versionLine) {
    Matcher matcher = JAVA_VERSION.matcher(versionLine);
    if (!matcher.find()) {
      return 0;
    }
    int first = Integer.parseInt(matcher.group(1));
    return first == 1 && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : first;
  }

  /**
   * Uploads {@code jar} unless a copy with its checksum is already there; true when it uploaded.
   * A copy that arrives with another checksum is sent once more before giving up, and the refusal
   * says how many bytes arrived.
   */
  public boolean install(AgentJar jar) throws IOException {
    String file = jarPath(jar);
    String check = DIR + "f=" + file + "; [ -f \"$f\" ] && sha256sum \"$f\" | cut -d ' ' -f 1";
    if (shell.capture(check).out().strip().equals(jar.sha256())) {
      return false;
    }
    String upload = DIR + "umask 077; mkdir -p \"$d/agent\" && t=\"$d/agent/.upload.$$\" && cat > \"$t\" "
        + "&& mv -f \"$t\" " + file;
    LeaseShell.Captured copied = null;
    for (int attempt = 0; attempt < UPLOAD_ATTEMPTS; attempt++) {
      copied = shell.feed(upload, jar.open());
      if (copied.exitCode() == 0 && shell.capture(check).out().strip().equals(jar.sha256())) {
        return true;
      }
    }
    String size = shell.capture(DIR + "wc -c < " + file).out().strip();
    throw new FatalSetupException("cannot copy the crabbox helper to " + shell.endpoint() + ": "
        + (copied.exitCode() != 0 ? orStatus(copied) : "the copy has " + (size.isEmpty() ? "no" : size)
            + " bytes of " + jar.size() + " and another checksum"));
  }

  /**
   * Starts {@code java -jar <jar> <arguments> --ticket-file <file>} detached (setsid/nohup) as
   * helper {@code name}, logging to {@code log}. The ticket travels on standard input into an
   * owner-only file, never on a command line; the helper reads it at start. An older helper of
   * the same name is stopped first.
   */
  public void start(String name, AgentJar jar, String arguments, String ticket, String log) throws IOException {
    requireName(name);
    stop(name);
    LeaseShell.Captured saved = shell.feed(DIR + "umask 077; mkdir -p \"$d/" + name + "\" && cat > "
        + ticketFile(name), new ByteArrayInputStream(ticket.getBytes(StandardCharsets.UTF_8)));
    if (saved.exitCode() != 0) {
      throw new FatalSetupException("cannot write the " + name + " helper's ticket on " + shell.endpoint() + ": "
          + orStatus(saved));
    }
    // cd first, on its own: "a && b &" would background a subshell and $! would not be the helper.
    String script = DIR + "cd \"$d/" + name + "\" || exit 1; setsid nohup java -jar " + jarPath(jar) + " "
        + arguments + " --ticket-file " + ticketFile(name) + " > " + log + " 2>&1 < /dev/null & "
        + "echo $! > " + pidFile(name);
    LeaseShell.Captured started = shell.capture(script);
    if (started.exitCode() != 0) {
      throw new FatalSetupException("cannot start the " + name + " helper on " + shell.endpoint() + ": "
          + orStatus(started));
    }
  }

  /** True while helper {@code name} runs and {@code log} has a line containing {@code marker}. */
  public Progress progress(String name, String log, String marker) throws IOException {
    requireName(name);
    String script = DIR + "pid=$(cat " + pidFile(name) + " 2>/dev/null); "
        + "{ [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null; } || exit 3; "
        + "grep -qF " + ShellWords.quote(marker) + " " + log;
    int status = shell.capture(script).exitCode();
    return status == 0 ? Progress.READY : status == 3 ? Progress.EXITED : Progress.STARTING;
  }

  /** How a started helper is doing. */
  public enum Progress {
    STARTING, READY, EXITED
  }

  /** Removes the helper's ticket file (it was read at start, or the start failed). */
  public void forgetTicket(String name) throws IOException {
    requireName(name);
    shell.capture(DIR + "rm -f " + ticketFile(name));
  }

  /** The last {@code lines} lines of {@code log} on the lease. */
  public String tail(String log, int lines) throws IOException {
    return shell.capture("tail -n " + lines + " " + log + " 2>/dev/null").out().stripTrailing();
  }

  /** Stops helper {@code name} if its pid file names a running crabbox-agent; true when it did. */
  public boolean stop(String name) throws IOException {
    requireName(name);
    String script = DIR + "p=" + pidFile(name) + "; [ -f \"$p\" ] || exit 0; pid=$(cat \"$p\"); rm -f \"$p\"; "
        + "[ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null || exit 0; "
        + "tr '\\000' ' ' < /proc/$pid/cmdline 2>/dev/null | grep -q crabbox-agent || exit 0; "
        + "kill \"$pid\"; i=0; while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; "
        + "kill -9 \"$pid\" 2>/dev/null; echo stopped";
    return shell.capture(script).out().contains("stopped");
  }

  private static String jarPath(AgentJar jar) {
    return "\"$d/agent/" + jar.fileName() + "\"";
  }

  private static String pidFile(String name) {
    return "\"$d/" + name + "/helper.pid\"";
  }

  private static String ticketFile(String name) {
    return "\"$d/" + name + "/helper.ticket\"";
  }

  private static void requireName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a helper name: " + name);
    }
  }

  private static String orStatus(LeaseShell.Captured captured) {
    String err = captured.err().strip();
    return err.isEmpty() ? "exit status " + captured.exitCode() : err;
  }
}
