package dev.crabbox.cli.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.portal.support.Browser;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: everything it shows must really have happened. */
@Timeout(180)
class DemoCommandTest {

  private static final Pattern LOGIN_LINK = Pattern.compile("sign in to the portal as admin: "
      + "(http://127\\.0\\.0\\.1:\\d+/portal/login/link\\?code=[A-Za-z0-9_-]{43}) \\(one use, "
      + "within 10 minutes; ");

  @Test
  void warmsALocalLeaseRunsACommandBridgesEgressAndStops(@TempDir Path home) {
    CliRunner.Result demo = new CliRunner(home).run("demo");

    assertEquals(0, demo.exitCode(), demo.out() + demo.err());
    String out = demo.out();
    assertTrue(Pattern.compile("crabbox warmup --provider local -> lease cbx_[0-9a-f]{12} \\(\\S+\\) "
        + "active, ssh crabbox@127\\.0\\.0\\.1:\\d+, host key SHA256:\\S+ \\(pinned\\)").matcher(out)
        .find(), out);
    assertTrue(out.contains("demo:   | hello from Linux in cbx_"), out);
    assertTrue(Pattern.compile("run run_[0-9a-f]{12} recorded: state succeeded, exit 0, events "
        + "\\[run\\.started, command\\.started, command\\.finished\\]").matcher(out).find(), out);
    assertTrue(out.contains("host=true client=true"), out);
    assertTrue(out.contains("the origin never saw it"), out);
    assertTrue(Pattern.compile("crabbox stop \\S+ -> released").matcher(out).find(), out);
    assertTrue(Pattern.compile("demo: portal http://127\\.0\\.0\\.1:\\d+/portal\\R").matcher(out)
        .find(), out);
    assertTrue(LOGIN_LINK.matcher(out).find(), out);
    assertTrue(out.contains("the demo stops when it ends, run crabbox demo --stay to keep it up)"),
        out);
    assertTrue(out.endsWith("demo: stopped cleanly\n") || out.endsWith("demo: stopped cleanly\r\n"), out);
  }

  @Test
  void staysUpUntilInterruptedSoTheLoginLinkWorksOnce(@TempDir Path home) throws Exception {
    CliRunner cli = new CliRunner(home);
    CompletableFuture<CliRunner.Result> demo = CompletableFuture.supplyAsync(
        () -> cli.run("demo", "--stay"));
    await().atMost(Duration.ofSeconds(150)).until(() -> cli.out().contains("demo: staying up")
        || demo.isDone());
    assertTrue(cli.out().contains("the demo stays up until Ctrl-C)"), cli.out() + cli.err());
    Matcher link = LOGIN_LINK.matcher(cli.out());
    assertTrue(link.find(), cli.out());
    String portal = link.group(1).substring(0, link.group(1).indexOf("/portal/")) + "/portal";

    Vertx vertx = Vertx.vertx();
    try (Browser browser = new Browser(vertx); Browser other = new Browser(vertx)) {
      assertEquals(303, browser.get(link.group(1)).statusCode());
      assertNotNull(browser.cookie("__Host-crabbox_session"));
      var index = browser.get(portal);
      assertEquals(200, index.statusCode());
      assertTrue(index.bodyAsString().contains("id=\"who\">admin"), index.bodyAsString());
      assertEquals(401, other.get(link.group(1)).statusCode(), "the link works once");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    cli.shutdown().trigger();
    CliRunner.Result result = demo.get(60, TimeUnit.SECONDS);
    assertEquals(0, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().strip().endsWith("demo: stopped cleanly"), result.out());
    assertTrue(!result.out().contains("eyJ"), "no bearer token (a JWT) is printed");
  }
}
