package dev.crabbox.cli.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The lease of the system tests, inside the lease namespace: a non-root user (present only in
 * that namespace, through {@code /etc/netns}), Debian's OpenSSH {@code sshd} authorizing the
 * operator key, and a desktop (Xvfb on :99, x11vnc on 127.0.0.1:5900 with the password in
 * {@code /var/lib/crabbox/vnc.password}). Every lease process runs through a wrapper that gives
 * it a private {@code /tmp} and {@code /var/lib/crabbox} (bind mounts in the namespace's own
 * mount view), so nothing collides with this machine's. Java comes from the shared file system.
 */
final class LeaseBox {
  static final String USER = "cbxlease";
  static final int UID = 47301;
  static final String VNC_PASSWORD = "crab-vnc-7";
  private static final Path VNC_MOUNT = Path.of("/var/lib/crabbox");
  private static final Duration READY = Duration.ofSeconds(30);

  final Path home;
  final Path tmp;
  final String hostKeyFingerprint;
  private final NetworkLab lab;
  private final Path wrapper;
  private final Path logs;
  private final boolean createdVncMount;

  private LeaseBox(NetworkLab lab, Path dir, String hostKeyFingerprint, boolean createdVncMount) {
    this.lab = lab;
    this.home = dir.resolve("home");
    this.tmp = dir.resolve("tmp");
    this.wrapper = dir.resolve("lease-exec");
    this.logs = dir.resolve("logs");
    this.hostKeyFingerprint = hostKeyFingerprint;
    this.createdVncMount = createdVncMount;
  }

  static LeaseBox start(NetworkLab lab, Path dir, String operatorKey, Path caCertificate) throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path vnc = Files.createDirectories(dir.resolve("vnc"));
    Path ssh = Files.createDirectories(dir.resolve("ssh"));
    Files.createDirectories(dir.resolve("logs"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
    Shell.check("chmod", "+t", tmp.toString());
    Files.writeString(vnc.resolve("vnc.password"), VNC_PASSWORD + "\n");

    Path etc = lab.etc(lab.leaseNs);
    copyWith(Path.of("/etc/passwd"), etc.resolve("passwd"), USER + ":x:" + UID + ":" + UID + "::" + home + ":/bin/sh");
    copyWith(Path.of("/etc/group"), etc.resolve("group"), USER + ":x:" + UID + ":");
    // "*": no password, not locked, so sshd (without PAM) accepts the key.
    copyWith(Path.of("/etc/shadow"), etc.resolve("shadow"), USER + ":*:19000:0:99999:7:::");

    Path nssdb = Files.createDirectories(home.resolve(".pki/nssdb"));
    Shell.check("certutil", "-N", "-d", "sql:" + nssdb, "--empty-password");
    Shell.check("certutil", "-A", "-d", "sql:" + nssdb, "-n", "crabbox system test CA", "-t", "C,,",
        "-i", caCertificate.toString());
    Shell.check("chown", "-R", UID + ":" + UID, home.toString());

    Shell.check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lease", "-f", ssh.resolve("host_key").toString());
    String fingerprint = Shell.check("ssh-keygen", "-l", "-f", ssh.resolve("host_key.pub").toString()).split(" ")[1];
    Files.writeString(ssh.resolve("authorized_keys"), operatorKey + "\n");
    Files.writeString(ssh.resolve("sshd_config"), String.join("\n",
        "ListenAddress " + lab.lease + ":22",
        "HostKey " + ssh.resolve("host_key"),
        "PidFile " + ssh.resolve("sshd.pid"),
        "AuthorizedKeysFile " + ssh.resolve("authorized_keys"),
        "StrictModes no",
        "UsePAM no",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes",
        "AllowTcpForwarding local",
        "X11Forwarding no",
        "PermitRootLogin no",
        "AllowUsers " + USER,
        "PrintMotd no", ""));

    boolean created = !Files.exists(VNC_MOUNT);
    Files.createDirectories(VNC_MOUNT);
    Files.writeString(dir.resolve("lease-exec"), String.join("\n",
        "#!/bin/sh",
        "# The lease's own /tmp and /var/lib/crabbox, then the command.",
        "set -e",
        "mount --bind " + tmp + " /tmp",
        "mount --bind " + vnc + " " + VNC_MOUNT,
        "mkdir -p /run/sshd",
        "exec \"$@\"", ""));
    Files.setPosixFilePermissions(dir.resolve("lease-exec"), PosixFilePermissions.fromString("rwxr-xr-x"));

    LeaseBox box = new LeaseBox(lab, dir, fingerprint, created);
    box.run("sshd", "/usr/sbin/sshd", "-D", "-e", "-f", ssh.resolve("sshd_config").toString());
    box.run("xvfb", "Xvfb", ":99", "-screen", "0", "1280x800x24", "-nolisten", "tcp");
    box.awaitReady("Xvfb on :99", () -> Files.exists(tmp.resolve(".X11-unix/X99")));
    box.run("x11vnc", "x11vnc", "-display", ":99", "-localhost", "-rfbport", "5900",
        "-passwdfile", VNC_MOUNT.resolve("vnc.password").toString(), "-forever", "-shared", "-quiet");
    box.awaitReady("sshd on port 22", () -> lab.listening(lab.leaseNs, 22));
    box.awaitReady("x11vnc on port 5900", () -> lab.listening(lab.leaseNs, 5900));
    return box;
  }

  /** Waits for {@code ready}; a timeout names what did not come up and shows the lease's logs. */
  private void awaitReady(String what, Callable<Boolean> ready) throws IOException {
    try {
      await().atMost(READY).until(ready);
    } catch (ConditionTimeoutException e) {
      StringBuilder logText = new StringBuilder();
      try (var files = Files.list(logs)) {
        for (Path log : files.toList()) {
          logText.append("\n--- ").append(log.getFileName()).append(" ---\n").append(Files.readString(log));
        }
      }
      throw new AssertionError("the lease's " + what + " did not come up" + logText, e);
    }
  }

  /** Runs {@code command} as root in the lease namespace, logging to {@code logs/<name>.log}. */
  private void run(String name, String... command) throws IOException {
    List<String> wrapped = new ArrayList<>(List.of(wrapper.toString()));
    wrapped.addAll(List.of(command));
    lab.spawn(lab.leaseNs, wrapped, logs.resolve(name + ".log"));
  }

  /** Removes {@code /var/lib/crabbox} when this box created it (it is only a mount point). */
  void close() {
    if (createdVncMount) {
      try {
        Files.deleteIfExists(VNC_MOUNT);
      } catch (IOException e) {
        System.err.println("SYSTEM TEST CLEANUP: cannot remove " + VNC_MOUNT + ": " + e);
      }
    }
  }

  private static void copyWith(Path from, Path to, String line) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(to, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
