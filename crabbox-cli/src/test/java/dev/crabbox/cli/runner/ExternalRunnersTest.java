package dev.crabbox.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Testboxes as the coordinator's runner objects. */
class ExternalRunnersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"queued,queued", "hydrating,running", "ready,running", "completed,completed",
      "stopped,unknown", "READY,unknown"})
  void blacksmithStatusesMapToRunnerStatuses(String blacksmith, String runner) {
    assertEquals(runner, ExternalRunners.status(blacksmith));
  }

  @ParameterizedTest(name = "{0} with org {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "openclaw, acme, acme/openclaw",
      "openclaw, null, null",
      "octo/widgets, acme, octo/widgets",
      "'not a repo', acme, null",
      "a/b/c, acme, null"})
  void bareRepositoryNamesAreQualifiedWithTheOrg(String printed, String org, String expected) {
    assertEquals(Optional.ofNullable(expected), ExternalRunners.repo(printed, Optional.ofNullable(org)));
  }

  @Test
  void theRunnerObjectCarriesTheTestboxAndKeepsBlacksmithWordsAsLabels() {
    Testbox testbox = new Testbox("tbx_01abc", "ready", "openclaw", ".github/workflows/ci.yml", "check",
        "main", Instant.parse("2026-05-02T00:22:25.123456Z"));

    JsonObject runner = ExternalRunners.runner(testbox, Optional.of("openclaw"));

    assertEquals(new JsonObject()
        .put("id", "tbx_01abc")
        .put("status", "running")
        .put("repo", "openclaw/openclaw")
        .put("workflow", ".github/workflows/ci.yml")
        .put("job", "check")
        .put("createdAt", "2026-05-02T00:22:25.123Z")
        .put("labels", new JsonObject().put("testboxStatus", "ready").put("testboxRepo", "openclaw")
            .put("ref", "main")), runner);
  }

  @Test
  void absentColumnsAreLeftOut() {
    Testbox testbox = new Testbox("tbx_1", "queued", null, null, null, null,
        Instant.parse("2026-05-02T00:22:25Z"));

    assertEquals(new JsonObject().put("id", "tbx_1").put("status", "queued")
            .put("createdAt", "2026-05-02T00:22:25Z")
            .put("labels", new JsonObject().put("testboxStatus", "queued")),
        ExternalRunners.runner(testbox, Optional.empty()));
  }
}
