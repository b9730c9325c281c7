package dev.crabbox.cli.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.TestCoordinator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code crabbox list}, {@code status} and {@code stop} against a real coordinator. */
class LeaseCommandsTest {
  private static final String NL = System.lineSeparator();

  @TempDir
  Path home;

  private TestCoordinator coordinator;
  private CliRunner cli;

  @BeforeEach
  void start() {
    coordinator = new TestCoordinator(home.resolve("coordinator-data"));
    cli = cli();
  }

  /** A runner of its own: a runner's captured output accumulates over its runs. */
  private CliRunner cli() {
    return coordinator.cli(home);
  }

  @AfterEach
  void stop() {
    coordinator.close();
  }

  private JsonObject desktopBrowserLease() {
    return coordinator.createLease(new JsonObject()
        .put("labels", new JsonObject().put("desktop", true).put("browser", true)));
  }

  @Test
  void listWithoutLeasesSaysSo() {
    CliRunner.Result result = cli.run("list");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals("no leases on " + coordinator.url() + NL, result.out());
    assertEquals("", result.err());
  }

  @Test
  void listWithoutLeasesAsJsonIsAnEmptyArray() {
    CliRunner.Result result = cli.run("list", "--json");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(new JsonArray(), new JsonArray(result.out()));
  }

  @Test
  void listShowsATableWithTheCapabilityMatrix() {
    JsonObject rich = desktopBrowserLease();
    JsonObject bare = coordinator.createLease();

    CliRunner.Result result = cli.run("list");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(3, lines.size(), result.out());
    assertTrue(lines.get(0).matches("ID +SLUG +STATE +PROVIDER +TARGET +DESKTOP +BROWSER +CODE +EXPIRES"),
        lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.matches(row(rich, "yes", "yes", "-"))), result.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches(row(bare, "-", "-", "-"))), result.out());
    assertEquals("", result.err());
  }

  /** A table row as a regex: id, slug, state, provider, target, the three marks, expiry. */
  private static String row(JsonObject lease, String desktop, String browser, String code) {
    return lease.getString("id") + " +" + lease.getString("slug") + " +active +manual +linux +" + desktop
        + " +" + browser + " +" + code + " +in \\d+m";
  }

  /** Asserts the status line {@code name: value} (the value column is aligned). */
  private static void assertField(String out, String name, String valueRegex) {
    assertTrue(out.matches("(?s).*(^|\\R)" + name + ": +" + valueRegex + "\\R.*"), name + " in " + out);
  }

  @Test
  void listAsJsonPrintsTheApiLeaseObjects() {
    JsonObject first = desktopBrowserLease();
    JsonObject second = coordinator.createLease();

    CliRunner.Result result = cli.run("list", "--json");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    JsonArray leases = new JsonArray(result.out());
    List<String> ids = leases.stream().map(l -> ((JsonObject) l).getString("id")).toList();
    assertEquals(2, ids.size(), result.out());
    assertTrue(ids.containsAll(List.of(first.getString("id"), second.getString("id"))), result.out());
    JsonObject shown = leases.stream().map(JsonObject.class::cast)
        .filter(l -> l.getString("id").equals(first.getString("id"))).findFirst().orElseThrow();
    assertEquals(new JsonObject().put("desktop", true).put("browser", true).put("code", false),
        shown.getJsonObject("labels"));
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(strings = {"id", "slug", "--id slug"})
  void statusShowsTheLeaseByIdOrSlug(String how) {
    JsonObject lease = desktopBrowserLease();
    String ref = how.endsWith("slug") ? lease.getString("slug") : lease.getString("id");

    CliRunner.Result result = how.startsWith("--id") ? cli.run("status", "--id", ref) : cli.run("status", ref);

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    String out = result.out();
    assertField(out, "id", lease.getString("id"));
    assertField(out, "slug", lease.getString("slug"));
    assertField(out, "state", "active");
    assertField(out, "provider", "manual");
    assertField(out, "target", "linux");
    assertField(out, "expires", "\\S+Z \\(in \\d+m\\)");
    assertTrue(out.endsWith("capabilities:" + NL + "  DESKTOP  BROWSER  CODE" + NL + "  yes      yes      -" + NL),
        out);
    assertEquals("", result.err());
  }

  @ParameterizedTest(name = "status --json by {0}")
  @ValueSource(strings = {"id", "slug"})
  void statusAsJsonPrintsTheLeaseObject(String field) {
    JsonObject lease = desktopBrowserLease();

    CliRunner.Result result = cli.run("status", lease.getString(field), "--json");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    JsonObject shown = new JsonObject(result.out());
    assertEquals(lease.getString("id"), shown.getString("id"));
    assertEquals(lease.getString("slug"), shown.getString("slug"));
    assertEquals("active", shown.getString("state"));
    assertEquals(lease.getJsonObject("labels"), shown.getJsonObject("labels"));
  }

  @Test
  void stopReleasesTheLeaseAndStatusShowsIt() {
    JsonObject lease = coordinator.createLease();

    CliRunner.Result stopped = cli.run("stop", lease.getString("slug"));

    assertEquals(ExitCodes.OK, stopped.exitCode(), stopped.err());
    assertEquals("stopped " + lease.getString("id") + " (" + lease.getString("slug") + ")" + NL, stopped.out());
    assertEquals("", stopped.err());
    CliRunner.Result status = cli().run("status", "--id", lease.getString("id"));
    assertField(status.out(), "state", "released");
    assertField(status.out(), "expires", "\\S+Z");
    JsonObject json = new JsonObject(cli().run("status", lease.getString("id"), "--json").out());
    assertEquals("released", json.getString("state"));
    List<String> listed = cli().run("list").out().lines().toList();
    assertTrue(listed.get(1).matches(lease.getString("id") + " +\\S+ +released +.* -$"), listed.get(1));
  }

  @Test
  void stoppingTwiceSaysItWasAlreadyReleased() {
    JsonObject lease = coordinator.createLease();
    assertEquals(ExitCodes.OK, cli.run("stop", "--id", lease.getString("id")).exitCode());

    CliRunner.Result again = cli().run("stop", "--id", lease.getString("id"));

    assertEquals(ExitCodes.OK, again.exitCode(), again.err());
    assertEquals("lease " + lease.getString("id") + " (" + lease.getString("slug")
        + ") was already released; nothing to stop" + NL, again.out());
    assertEquals("", again.err());
  }

  @ParameterizedTest(name = "{0} of an unknown lease")
  @ValueSource(strings = {"status", "stop"})
  void unknownLeaseIsFatalWithTheCoordinatorsMessage(String command) {
    CliRunner.Result result = cli.run(command, "no-such-lease");

    assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("crabbox: coordinator refused: "), result.err());
    assertTrue(result.err().contains("no-such-lease"), result.err());
    assertTrue(result.err().endsWith("(HTTP 404 lease_not_found)" + NL), result.err());
    assertEquals("", result.out());
  }

  @ParameterizedTest(name = "{0} without a lease")
  @ValueSource(strings = {"status", "stop"})
  void leaseIsRequired(String command) {
    CliRunner.Result result = cli.run(command);

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
    assertTrue(result.err().contains("a lease is required"), result.err());
  }

  @Test
  void listWithAnExplicitProviderShowsOnlyThatProvidersLeases() {
    coordinator.createLease();

    CliRunner.Result result = cli.run("list", "--provider", "aws");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals("no aws leases on " + coordinator.url() + NL, result.out());
  }
}
