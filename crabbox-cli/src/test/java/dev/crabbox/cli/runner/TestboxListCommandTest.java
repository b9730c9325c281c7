package dev.crabbox.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.TestCoordinator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crabbox list --provider blacksmith-testbox} with a stand-in Blacksmith CLI that prints the
 * real output format, against a real coordinator: what is shown, what lands in
 * {@code GET /v1/runners}, and how each failure of the Blacksmith CLI is reported.
 */
class TestboxListCommandTest {
  private static final String NL = System.lineSeparator();
  private static final String HEADER =
      "ID                              STATUS     REPO      WORKFLOW                                JOB    REF   CREATED\n";

  @TempDir
  Path home;

  @TempDir
  Path bin;

  private TestCoordinator coordinator;
  private StandInBlacksmith blacksmith;
  private final Vertx vertx = Vertx.vertx();

  @BeforeEach
  void start() {
    coordinator = new TestCoordinator(home.resolve("coordinator-data"));
    blacksmith = StandInBlacksmith.in(bin);
  }

  @AfterEach
  void stop() {
    coordinator.close();
    vertx.close().await();
  }

  /** A runner pointed at the coordinator and, through the environment, at the stand-in CLI. */
  private CliRunner cli() {
    return coordinator.cli(home).env("CRABBOX_BLACKSMITH_CLI", blacksmith.script().toString());
  }

  private CliRunner.Result list(String... extra) {
    return listWith(cli(), extra);
  }

  private static CliRunner.Result listWith(CliRunner runner, String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "list";
    args[1] = "--provider";
    args[2] = "blacksmith-testbox";
    System.arraycopy(extra, 0, args, 3, extra.length);
    return runner.run(args);
  }

  private static String row(String id, String status, String created) {
    return String.format("%-31s %-10s openclaw  .github/workflows/ci-check-testbox.yml  check  main  %s%n",
        id, status, created);
  }

  private void writeConfig(String yaml) throws IOException {
    Path file = cli().configFile();
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
  }

  /** {@code GET /v1/runners?provider=blacksmith-testbox} as the admin, by runner id. */
  private Map<String, JsonObject> runnersOnCoordinator() {
    HttpClient http = vertx.createHttpClient();
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
        .setAbsoluteURI(coordinator.url() + "/v1/runners?provider=blacksmith-testbox")
        .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + coordinator.adminToken());
    JsonObject answer = http.request(request)
        .compose(req -> req.send().compose(response -> response.body().map(body -> {
          assertEquals(200, response.statusCode(), body.toString());
          return body.toJsonObject();
        })))
        .eventually(http::close)
        .await();
    return answer.getJsonArray("runners").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(r -> r.getString("id"), Function.identity()));
  }

  private static List<String> nonStaleIds(Map<String, JsonObject> runners) {
    return runners.values().stream().filter(r -> !r.getBoolean("stale")).map(r -> r.getString("id"))
        .sorted().toList();
  }

  @Test
  void listsTheTestboxesAsATableAndSyncsThem() throws IOException {
    writeConfig("blacksmith:\n  org: openclaw\n");
    blacksmith.printing(HEADER + row("tbx_01kqk105g69sp8kcx31h5bgn0e", "ready", "2026-05-02T00:22:25.000000Z")
        + row("tbx_01kqk2zzzz9sp8kcx31h5bgn0f", "queued", "2026-05-02T00:30:00.000000Z"));

    CliRunner.Result result = list();

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(List.of("--org", "openclaw", "testbox", "list"), blacksmith.arguments());
    List<String> lines = result.out().lines().toList();
    assertEquals(3, lines.size(), result.out());
    assertTrue(lines.get(0).matches("ID +STATUS +REPO +WORKFLOW +JOB +REF +CREATED"), lines.get(0));
    assertTrue(lines.get(1).matches("tbx_01kqk105g69sp8kcx31h5bgn0e +ready +openclaw "
        + "+\\.github/workflows/ci-check-testbox\\.yml +check +main +2026-05-02T00:22:25Z"), lines.get(1));
    assertTrue(lines.get(2).startsWith("tbx_01kqk2zzzz9sp8kcx31h5bgn0f  queued "), lines.get(2));
    assertEquals("synced 2 testboxes to " + coordinator.url() + NL, result.err());

    Map<String, JsonObject> runners = runnersOnCoordinator();
    assertEquals(List.of("tbx_01kqk105g69sp8kcx31h5bgn0e", "tbx_01kqk2zzzz9sp8kcx31h5bgn0f"),
        nonStaleIds(runners));
    JsonObject ready = runners.get("tbx_01kqk105g69sp8kcx31h5bgn0e");
    assertEquals("running", ready.getString("status"));
    assertEquals("openclaw/openclaw", ready.getString("repo"));
    assertEquals(".github/workflows/ci-check-testbox.yml", ready.getString("workflow"));
    assertEquals("check", ready.getString("job"));
    assertEquals("2026-05-02T00:22:25Z", ready.getString("createdAt"));
    assertEquals("ready", ready.getJsonObject("labels").getString("testboxStatus"));
    assertEquals("queued", runners.get("tbx_01kqk2zzzz9sp8kcx31h5bgn0f").getString("status"));
  }

  @Test
  void jsonPrintsTheRunnerObjects() throws IOException {
    blacksmith.printing(HEADER + row("tbx_01json", "hydrating", "2026-05-02T00:22:25Z"));

    CliRunner.Result result = list("--json");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(new JsonArray().add(new JsonObject()
        .put("provider", "blacksmith-testbox")
        .put("id", "tbx_01json")
        .put("status", "running")
        .put("workflow", ".github/workflows/ci-check-testbox.yml")
        .put("job", "check")
        .put("createdAt", "2026-05-02T00:22:25Z")
        .put("labels", new JsonObject().put("testboxStatus", "hydrating").put("testboxRepo", "openclaw")
            .put("ref", "main"))), new JsonArray(result.out()));
    assertEquals(List.of("tbx_01json"), nonStaleIds(runnersOnCoordinator()));
  }

  @Test
  void anEmptyListSaysSoAndMakesEarlierTestboxesStale() throws IOException {
    blacksmith.printing(HEADER + row("tbx_01gone", "ready", "2026-05-02T00:22:25Z"));
    assertEquals(ExitCodes.OK, list().exitCode());
    blacksmith.printing("No active testboxes (use --all to show all org testboxes)\n");

    CliRunner.Result result = list();

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals("no testboxes listed by `" + blacksmith.script() + " testbox list`" + NL, result.out());
    assertEquals("synced 0 testboxes to " + coordinator.url() + "; 1 no longer listed became stale" + NL,
        result.err());
    JsonObject gone = runnersOnCoordinator().get("tbx_01gone");
    assertTrue(gone.getBoolean("stale"), gone.encode());
  }

  @Test
  void configuredListArgumentsArePassed() throws IOException {
    writeConfig("blacksmith:\n  listArgs: [testbox, list, --all]\n");
    blacksmith.printing(HEADER);

    CliRunner.Result result = list();

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(List.of("testbox", "list", "--all"), blacksmith.arguments());
  }

  @Test
  void moreThanTwoHundredTestboxesSyncTheFirstTwoHundredAndWarn() throws IOException {
    List<String> ids = IntStream.range(0, 205).mapToObj(i -> String.format("tbx_%03d", i)).toList();
    blacksmith.printing(HEADER + ids.stream().map(id -> row(id, "ready", "2026-05-02T00:22:25Z"))
        .collect(Collectors.joining()));

    CliRunner.Result result = list();

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(206, result.out().lines().count(), "all 205 are shown");
    assertTrue(result.err().contains("warning: `" + blacksmith.script() + " testbox list` listed 205 "
        + "testboxes, but the coordinator takes at most 200 per sync: only the first 200 were synced; "
        + "the other 5 are not recorded"), result.err());
    assertTrue(result.err().endsWith("synced 200 testboxes to " + coordinator.url() + NL), result.err());
    assertEquals(ids.subList(0, 200), nonStaleIds(runnersOnCoordinator()));
  }

  @Test
  void malformedOutputIsAClearErrorAndNothingIsSynced() throws IOException {
    blacksmith.printing(HEADER + "tbx_01half  ready  openclaw\n");

    CliRunner.Result result = list();

    assertEquals(ExitCodes.UNEXPECTED, result.exitCode());
    assertEquals("crabbox: cannot read the output of `" + blacksmith.script() + " testbox list`, line 2: "
        + "expected 7 columns (ID STATUS REPO WORKFLOW JOB REF CREATED), got 3; the line was: "
        + "tbx_01half  ready  openclaw" + NL, result.err());
    assertEquals("", result.out());
    assertTrue(runnersOnCoordinator().isEmpty());
  }

  @Test
  void aFailingCliHasItsStderrShownAndNothingIsSynced() throws IOException {
    blacksmith.printing(HEADER + row("tbx_01kept", "ready", "2026-05-02T00:22:25Z"));
    assertEquals(ExitCodes.OK, list().exitCode());
    blacksmith.behaving("", "Error: not authenticated\nRun `blacksmith auth login` first.\n", 3);

    CliRunner.Result result = list();

    assertEquals(ExitCodes.UNEXPECTED, result.exitCode());
    assertEquals("crabbox: `" + blacksmith.script() + " testbox list` failed with exit code 3; its stderr:"
        + NL + "  Error: not authenticated" + NL + "  Run `blacksmith auth login` first." + NL, result.err());
    assertEquals(List.of("tbx_01kept"), nonStaleIds(runnersOnCoordinator()), "no sync after a failure");
  }

  @Test
  void aMissingCliNamesTheConfigKeyAndTheVariable() {
    CliRunner runner = coordinator.cli(home).env("CRABBOX_BLACKSMITH_CLI", bin.resolve("absent").toString());

    CliRunner.Result result = listWith(runner);

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: Blacksmith CLI " + bin.resolve("absent") + " (from CRABBOX_BLACKSMITH_CLI) does "
        + "not exist or is not executable; set blacksmith.cli in " + runner.configFile()
        + " or CRABBOX_BLACKSMITH_CLI to its path" + NL, result.err());
  }

  @Test
  void withoutSettingsTheCliIsLookedUpOnPath() throws IOException {
    blacksmith.printing(HEADER + row("tbx_01path", "ready", "2026-05-02T00:22:25Z"));
    CliRunner onPath = coordinator.cli(home).env("PATH", home.resolve("empty") + ":" + bin);

    CliRunner.Result found = listWith(onPath);
    CliRunner.Result missing = listWith(coordinator.cli(home).env("PATH", home.toString()));

    assertEquals(ExitCodes.OK, found.exitCode(), found.err());
    assertTrue(found.out().contains("tbx_01path"), found.out());
    assertEquals(ExitCodes.USAGE, missing.exitCode());
    assertTrue(missing.err().startsWith("crabbox: Blacksmith CLI \"blacksmith\" not found on PATH; install "
        + "it (https://docs.blacksmith.sh) or set blacksmith.cli in "), missing.err());
    assertTrue(missing.err().contains(" or CRABBOX_BLACKSMITH_CLI to its path"), missing.err());
  }

  @Test
  void theConfigFileNamesTheCli() throws IOException {
    blacksmith.printing(HEADER + row("tbx_01file", "ready", "2026-05-02T00:22:25Z"));
    writeConfig("blacksmith:\n  cli: " + blacksmith.script() + "\n");

    CliRunner.Result result = listWith(coordinator.cli(home));

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertTrue(result.out().contains("tbx_01file"), result.out());
  }

  @Test
  void aCliThatHangsIsStoppedAtTheTimeout() throws IOException {
    writeConfig("blacksmith:\n  timeoutSeconds: 1\n");
    blacksmith.hanging();

    CliRunner.Result result = list();

    assertEquals(ExitCodes.UNEXPECTED, result.exitCode());
    assertEquals("crabbox: `" + blacksmith.script() + " testbox list` did not finish within 1 s and was "
        + "stopped (raise blacksmith.timeoutSeconds in the config file if it needs longer)" + NL,
        result.err());
  }

  @Test
  void anOutOfRangeTimeoutIsAUsageError() throws IOException {
    writeConfig("blacksmith:\n  timeoutSeconds: 0\n");
    blacksmith.printing(HEADER);

    CliRunner.Result result = list();

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().contains("blacksmith.timeoutSeconds in " + cli().configFile()
        + " must be 1-600, got 0"), result.err());
    assertFalse(Files.exists(bin.resolve("args.txt")), "the CLI did not run");
  }

  @Test
  void anUnreachableCoordinatorFailsAfterTheListing() throws IOException {
    blacksmith.printing(HEADER + row("tbx_01lost", "ready", "2026-05-02T00:22:25Z"));
    String url = coordinator.url();
    coordinator.close();
    coordinator = new TestCoordinator(home.resolve("second-data"));

    CliRunner.Result result = new CliRunner(home).env("CRABBOX_COORDINATOR", url)
        .env("CRABBOX_TOKEN", coordinator.adminToken())
        .env("CRABBOX_BLACKSMITH_CLI", blacksmith.script().toString())
        .run("list", "--provider", "blacksmith-testbox");

    assertEquals(ExitCodes.COORDINATOR, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("crabbox: cannot reach the coordinator"), result.err());
    assertTrue(Files.exists(bin.resolve("args.txt")), "the CLI ran first");
  }

  @Test
  void withoutTheProviderFlagListStillShowsLeases() throws IOException {
    blacksmith.printing(HEADER + row("tbx_01none", "ready", "2026-05-02T00:22:25Z"));

    CliRunner.Result result = cli().env("CRABBOX_PROVIDER", "blacksmith-testbox").run("list");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals("no leases on " + coordinator.url() + NL, result.out());
    assertFalse(Files.exists(bin.resolve("args.txt")), "the Blacksmith CLI did not run");
  }

  @Test
  void stopRefusesATestboxId() {
    CliRunner.Result result = cli().run("stop", "tbx_01kqk105g69sp8kcx31h5bgn0e");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: tbx_01kqk105g69sp8kcx31h5bgn0e is a Blacksmith Testbox, not a Crabbox lease: "
        + "Crabbox only lists testboxes and never stops them. Stop it with the Blacksmith CLI: "
        + "blacksmith testbox stop --id tbx_01kqk105g69sp8kcx31h5bgn0e" + NL, result.err());
  }

  @Test
  void loginKeepsTheBlacksmithSection() throws IOException {
    writeConfig("blacksmith:\n  cli: /opt/blacksmith/bin/blacksmith\n  org: openclaw\n");

    CliRunner.Result result = new CliRunner(home)
        .run("login", "--coordinator", coordinator.url(), "--token", coordinator.adminToken());

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    String saved = Files.readString(cli().configFile());
    assertTrue(saved.contains("coordinator: " + coordinator.url()), saved);
    assertTrue(saved.contains("cli: /opt/blacksmith/bin/blacksmith") && saved.contains("org: openclaw"), saved);
  }
}
