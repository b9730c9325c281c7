package dev.crabbox.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.testing.EgressRig;
import dev.crabbox.agent.testing.TestRelay;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The slim jar's entry point: usage, exit codes, the connected banner. */
@ExtendWith(VertxExtension.class)
class AgentMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new AgentMain(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args, Vertx.vertx());
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpExitsZeroWithUsage() {
    assertEquals(0, run("egress", "client", "--help"));
    assertTrue(stdout().startsWith("Usage: java -jar crabbox-agent.jar egress client"));
  }

  @Test
  void missingOptionsAreUsageErrors() {
    assertEquals(2, run("egress", "client", "--coordinator", "http://127.0.0.1:1"));
    assertTrue(stderr().startsWith("crabbox-agent: --lease is required"), stderr());
    assertEquals(2, run("egress", "host"));
    assertEquals(2, run("egress", "client", "--coordinator", "http://x", "--lease", "l", "--ticket", "t",
        "--ticket-file", "f"));
    assertEquals(2, run("egress", "client", "--coordinator", "ftp://x", "--lease", "l", "--ticket", "t"));
    assertEquals(2, run("egress", "client", "--bogus"));
  }

  @Test
  void nonLoopbackListenIsRefusedBeforeAnythingStarts() {
    assertEquals(2, run("egress", "client", "--coordinator", "http://127.0.0.1:1", "--lease", "blue-lobster",
        "--ticket", "t", "--listen", "0.0.0.0:3128"));
    assertTrue(stderr().contains("--listen 0.0.0.0:3128 refused: the lease proxy listens on loopback only"),
        stderr());
  }

  @Test
  void printsTheBannerAndExits4OnAFatalClose(Vertx vertx, @TempDir Path dir) throws Exception {
    TestRelay relay = new TestRelay(vertx).start().await();
    Path ticketFile = Files.writeString(dir.resolve("ticket"), EgressRig.newTicket("client") + "\n");
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("egress", "client",
        "--coordinator", relay.uri().toString(), "--lease", "blue-lobster", "--ticket-file", ticketFile.toString(),
        "--listen=127.0.0.1:0"));
    Pattern banner = Pattern.compile(
        "egress client: connected lease=" + TestRelay.LEASE_ID + " session=" + TestRelay.SESSION_ID
            + " listen=127\\.0\\.0\\.1:[1-9][0-9]*\\R");
    await().until(() -> banner.matcher(stdout()).matches());
    relay.closeRole("client", (short) 1012, "replaced by a newer egress session");
    assertEquals(4, exit.get());
    assertTrue(stderr().contains("egress client: bridge closed by the coordinator: 1012"), stderr());
  }
}
