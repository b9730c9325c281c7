package dev.crabbox.cli.system;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The system tests' network: two namespaces this test creates and this machine's own namespace
 * (the operator side), joined by veth pairs. The lease sees only the operator side
 * ({@link #operatorToLease} / {@link #lease}); the origin sees only the operator side
 * ({@link #operatorToOrigin} / {@link #origin}, plus a second address {@link #otherOrigin}); the
 * lease has no route to the origin. {@link #close()} kills every process in both namespaces and
 * deletes them (the veth pairs go with them) and their {@code /etc/netns} files.
 */
final class NetworkLab implements AutoCloseable {
  final String leaseNs;
  final String originNs;
  final String operatorToLease;
  final String lease;
  final String operatorToOrigin;
  final String origin;
  final String otherOrigin;
  private final List<String> created = new ArrayList<>();

  private NetworkLab(String tag, int subnet) {
    leaseNs = "cbx-lease-" + tag;
    originNs = "cbx-origin-" + tag;
    operatorToLease = "10.213." + subnet + ".1";
    lease = "10.213." + subnet + ".2";
    operatorToOrigin = "10.214." + subnet + ".1";
    origin = "10.214." + subnet + ".2";
    otherOrigin = "10.214." + subnet + ".3";
  }

  /** Whether this machine lets us create network namespaces (root and a kernel that allows it). */
  static String forbiddenReason() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "not running as root";
    }
    String probe = "cbx-probe-" + ProcessHandle.current().pid();
    Shell.Result added = Shell.run(List.of("ip", "netns", "add", probe));
    if (added.exit() != 0) {
      return "ip netns add failed: " + added.output().strip();
    }
    Shell.run(List.of("ip", "netns", "del", probe));
    return null;
  }

  static NetworkLab create() {
    String tag = Long.toHexString(ProcessHandle.current().pid() & 0xffff);
    NetworkLab lab = new NetworkLab(tag, ThreadLocalRandom.current().nextInt(1, 255));
    try {
      lab.build(tag);
      return lab;
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  private void build(String tag) {
    for (String ns : List.of(leaseNs, originNs)) {
      Shell.check("ip", "netns", "add", ns);
      created.add(ns);
      Shell.check("ip", "-n", ns, "link", "set", "lo", "up");
    }
    link("cbl" + tag + "a", "cbl" + tag + "b", leaseNs, operatorToLease, lease);
    link("cbo" + tag + "a", "cbo" + tag + "b", originNs, operatorToOrigin, origin);
    Shell.check("ip", "-n", originNs, "addr", "add", otherOrigin + "/24", "dev", "cbo" + tag + "b");
  }

  /** A veth pair: {@code here} stays in this namespace, {@code there} moves into {@code ns}. */
  private static void link(String here, String there, String ns, String hereAddress, String thereAddress) {
    Shell.check("ip", "link", "add", here, "type", "veth", "peer", "name", there);
    Shell.check("ip", "link", "set", there, "netns", ns);
    Shell.check("ip", "addr", "add", hereAddress + "/24", "dev", here);
    Shell.check("ip", "link", "set", here, "up");
    Shell.check("ip", "-n", ns, "addr", "add", thereAddress + "/24", "dev", there);
    Shell.check("ip", "-n", ns, "link", "set", there, "up");
  }

  /** {@code /etc/netns/<ns>}: files there replace their {@code /etc} namesakes inside {@code ns}. */
  Path etc(String ns) throws IOException {
    return Files.createDirectories(Path.of("/etc/netns", ns));
  }

  /** {@code command} inside {@code ns}, output appended to {@code log}; the lab kills it at close. */
  Process spawn(String ns, List<String> command, Path log) throws IOException {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    full.addAll(command);
    return new ProcessBuilder(full).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  /** {@code command} inside {@code ns}, to completion. */
  Shell.Result exec(String ns, String... command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    full.addAll(List.of(command));
    return Shell.run(full);
  }

  /** Whether something in {@code ns} listens on TCP {@code port} (any address). */
  boolean listening(String ns, int port) {
    return exec(ns, "sh", "-c", "grep -Eq '^ *[0-9]+: [0-9A-F]+:" + String.format("%04X", port)
        + " [0-9A-F]+:[0-9A-F]{4} 0A' /proc/net/tcp /proc/net/tcp6").exit() == 0;
  }

  /** Kills what runs in {@code ns}; true once nothing does. */
  private static boolean killedAll(String ns) {
    String pids = Shell.run(List.of("ip", "netns", "pids", ns)).output().strip();
    pids.lines().map(String::strip).filter(pid -> !pid.isEmpty())
        .forEach(pid -> ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly));
    return pids.isEmpty();
  }

  @Override
  public void close() {
    for (String ns : created) {
      // Every process in the namespace: sshd and its sessions, Xvfb, x11vnc, Chromium, the client, the origin.
      try {
        await().atMost(Duration.ofSeconds(20)).until(() -> killedAll(ns));
      } catch (ConditionTimeoutException e) {
        System.err.println("SYSTEM TEST CLEANUP: processes survive in namespace " + ns + ": "
            + Shell.run(List.of("ip", "netns", "pids", ns)).output());
      }
      Shell.run(List.of("ip", "netns", "del", ns));
      Shell.run(List.of("rm", "-rf", "/etc/netns/" + ns));
    }
  }
}
