package dev.crabbox.coordinator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.support.TestCoordinator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retained log keeps its last N bytes (8 MiB by default; 100 here), cut at line ends. */
class RunLogTest extends RunTestBase {

  private static final long LIMIT = 100;
  private TestCoordinator small;
  private String run;

  @BeforeEach
  void startSmallCoordinator(Vertx vertx, @TempDir Path otherDir) {
    small = TestCoordinator.start(vertx, otherDir, options -> options.setRunLogLimit(LIMIT));
    String token = small.token("alice", "acme");
    String leaseId = small.createLeaseId(token);
    run = createRun(small, token, leaseId, "yes").bodyAsJsonObject().getString("id");
  }

  @AfterEach
  void stopSmallCoordinator() {
    small.stop();
  }

  private String token() {
    return small.token("alice", "acme");
  }

  private long append(String text) {
    HttpResponse<Buffer> response = small.postText("/v1/runs/" + run + "/logs", token(), text);
    assertOk(200, response);
    return response.bodyAsJsonObject().getLong("retainedBytes");
  }

  private String log() {
    return small.get("/v1/runs/" + run + "/logs", token()).bodyAsString("UTF-8");
  }

  private static String lines(int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      out.append(String.format("line-%04d\n", i));
    }
    return out.toString();
  }

  @Test
  void theDefaultLimitIsEightMebibytes() {
    assertEquals(8L * 1024 * 1024, CoordinatorOptions.DEFAULT_RUN_LOG_LIMIT);
    assertEquals(CoordinatorOptions.DEFAULT_RUN_LOG_LIMIT, new CoordinatorOptions().getRunLogLimit());
    assertEquals(CoordinatorOptions.DEFAULT_RUN_LOG_LIMIT, coordinator.options().getRunLogLimit());
  }

  @Test
  void keepsTheTailAndCutsAtLineEnds() {
    assertEquals(50, append(lines(0, 5)));
    assertEquals(100, append(lines(5, 10)));
    assertEquals(lines(0, 10), log());

    assertEquals(100, append(lines(10, 15)), "a whole old chunk dropped");
    assertEquals(lines(5, 15), log());

    assertEquals(93, append("abc"), "cut after the first line end past the excess");
    assertEquals(lines(6, 15) + "abc", log());

    assertEquals(93 + 7, append("def\nghi"));
    assertEquals(lines(6, 15) + "abcdef\nghi", log());

    assertEquals(LIMIT, append("x".repeat(150)), "no line end: cut at the byte limit");
    assertEquals("x".repeat(100), log());
  }

  @Test
  void neverSplitsACharacter() {
    assertEquals(100, append("é".repeat(50)));
    assertEquals(99, append("x"), "one byte over: the whole first é goes");
    assertEquals("é".repeat(49) + "x", log());
  }

  @Test
  void aJsonTextBodyAppendsToo() {
    HttpResponse<Buffer> response = small.post("/v1/runs/" + run + "/logs", token(),
        new JsonObject().put("text", lines(0, 12)));
    assertOk(200, response);
    assertEquals(lines(2, 12), log());
  }
}
