package dev.crabbox.cli.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LeaseShellTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private OperatorKey key;
  private LoopbackSshServer server;

  @BeforeEach
  void start() throws Exception {
    key = OperatorKey.loadOrCreate(dir.resolve("id_ed25519"));
    server = new LoopbackSshServer(dir, key.publicLine());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void connectsWhenTheServerPresentsThePinnedKeyAndPassesTheExitStatus() throws IOException {
    try (LeaseShell shell = LeaseShell.connect(server.ssh(), key, TIMEOUT)) {
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      int status = shell.exec("echo to-out; echo to-err >&2; exit 7", out::append, err::append);
      assertEquals(7, status);
      assertEquals("to-out\n", out.toString());
      assertEquals("to-err\n", err.toString());
    }
  }

  @Test
  void refusesAnyOtherHostKeyNamingBothFingerprints() {
    String pinned = "SHA256:" + "A".repeat(43);
    HostKeyMismatchException e = assertThrows(HostKeyMismatchException.class,
        () -> LeaseShell.connect(server.ssh(pinned), key, TIMEOUT));
    assertTrue(e.getMessage().contains("the lease pins " + pinned), e.getMessage());
    assertTrue(e.getMessage().contains("the server presented " + server.hostKeyFingerprint()), e.getMessage());
  }

  @Test
  void aKeyTheServerDoesNotAuthorizeIsRefusedClearly() {
    OperatorKey stranger = OperatorKey.loadOrCreate(dir.resolve("other/id_ed25519"));
    SshUnavailableException e = assertThrows(SshUnavailableException.class,
        () -> LeaseShell.connect(server.ssh(), stranger, TIMEOUT));
    assertTrue(e.getMessage().contains("does not accept the operator key"), e.getMessage());
  }

  @Test
  void anUnreachableServerIsReportedAsSuch() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    SshUnavailableException e = assertThrows(SshUnavailableException.class, () -> LeaseShell.connect(
        new dev.crabbox.protocol.api.LeaseMachine.Ssh("127.0.0.1", closedPort, "me",
            server.hostKeyFingerprint()), key, TIMEOUT));
    assertTrue(e.getMessage().startsWith("cannot reach the lease over SSH at me@127.0.0.1:" + closedPort),
        e.getMessage());
  }

  @Test
  void environmentVariablesReachTheCommandQuotedIntact() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DISPLAY", ":99");
    env.put("TRICKY", "it's \"quoted\" $HOME; `x`");
    try (LeaseShell shell = LeaseShell.connect(server.ssh(), key, TIMEOUT)) {
      LeaseShell.Captured result = shell.capture(ShellWords.withEnvironment(env,
          "printf '%s|%s' \"$DISPLAY\" \"$TRICKY\""));
      assertEquals(0, result.exitCode(), result.err());
      assertEquals(":99|it's \"quoted\" $HOME; `x`", result.out());
    }
  }

  @Test
  void severalArgumentsArriveAsSeparateWords() throws IOException {
    try (LeaseShell shell = LeaseShell.connect(server.ssh(), key, TIMEOUT)) {
      LeaseShell.Captured result = shell.capture(ShellWords.commandLine(
          List.of("printf", "[%s]", "a b", "$HOME", "it's")));
      assertEquals("[a b][$HOME][it's]", result.out());
    }
  }

  @Test
  void outputArrivesWhileTheCommandIsStillRunning() throws IOException {
    Path release = dir.resolve("release");
    String command = "echo first; while [ ! -f " + release + " ]; do sleep 0.05; done; echo second";
    StringBuilder out = new StringBuilder();
    try (LeaseShell shell = LeaseShell.connect(server.ssh(), key, TIMEOUT)) {
      // The command only finishes after this sink has seen "first": buffered output would hang.
      int status = shell.exec(command, text -> {
        out.append(text);
        if (text.contains("first")) {
          try {
            Files.createFile(release);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }, OutputSink.NONE);
      assertEquals(0, status);
    }
    assertEquals("first\nsecond\n", out.toString());
  }

  @Test
  void probesWhetherALoopbackPortAcceptsConnections() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        LeaseShell shell = LeaseShell.connect(server.ssh(), key, TIMEOUT)) {
      assertEquals(LeaseShell.PortCheck.OPEN, shell.probePort("127.0.0.1", listening.getLocalPort()));
      int closed;
      try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closed = gone.getLocalPort();
      }
      assertEquals(LeaseShell.PortCheck.CLOSED, shell.probePort("127.0.0.1", closed));
    }
  }

  @Test
  void interactiveSessionReadsItsInputAndEndsWithTheShellsStatus() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (LeaseShell shell = LeaseShell.connect(server.ssh(), key, TIMEOUT)) {
      int status = shell.interactive(new ByteArrayInputStream("echo hello\nexit 3\n".getBytes(StandardCharsets.UTF_8)),
          out, err, null);
      assertEquals(3, status);
    }
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("hello"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTerminalSessionTellsTheServerItsTypeAndSize() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LeaseShell shell = LeaseShell.connect(server.ssh(), key, TIMEOUT)) {
      int status = shell.interactive(new ByteArrayInputStream(
          "echo \"pty:$TERM:$COLUMNS:$LINES\"\nexit 0\n".getBytes(StandardCharsets.UTF_8)),
          out, new ByteArrayOutputStream(), new LeaseShell.Pty("xterm-test", 132, 43));
      assertEquals(0, status);
    }
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("pty:xterm-test:132:43"),
        out.toString(StandardCharsets.UTF_8));
  }
}
