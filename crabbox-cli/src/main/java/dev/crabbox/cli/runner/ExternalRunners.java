package dev.crabbox.cli.runner;

import dev.crabbox.protocol.api.ApiTimes;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Testboxes as the coordinator's external runner objects, the shape {@code POST /v1/runners/sync}
 * takes ({@code {id, status, repo?, workflow?, job?, createdAt?, labels?}}; see the coordinator's
 * {@code RunnerRequests}).
 */
public final class ExternalRunners {
  /** The provider the coordinator records testboxes under. */
  public static final String PROVIDER = "blacksmith-testbox";
  /** Label keeping Blacksmith's own status word, which the runner status only summarises. */
  static final String LABEL_STATUS = "testboxStatus";
  /** Label keeping the repository as the Blacksmith CLI printed it. */
  static final String LABEL_REPO = "testboxRepo";
  static final String LABEL_REF = "ref";

  /** What the coordinator accepts as a repository: a GitHub {@code owner/name}. */
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");

  private ExternalRunners() {
  }

  /** The runner object of {@code testbox}; {@code org} qualifies a bare repository name. */
  public static JsonObject runner(Testbox testbox, Optional<String> org) {
    JsonObject labels = new JsonObject().put(LABEL_STATUS, testbox.status());
    if (testbox.repo() != null) {
      labels.put(LABEL_REPO, testbox.repo());
    }
    if (testbox.ref() != null) {
      labels.put(LABEL_REF, testbox.ref());
    }
    JsonObject runner = new JsonObject()
        .put("id", testbox.id())
        .put("status", status(testbox.status()));
    repo(testbox.repo(), org).ifPresent(repo -> runner.put("repo", repo));
    if (testbox.workflow() != null) {
      runner.put("workflow", testbox.workflow());
    }
    if (testbox.job() != null) {
      runner.put("job", testbox.job());
    }
    return runner.put("createdAt", ApiTimes.format(testbox.createdAt())).put("labels", labels);
  }

  /**
   * Blacksmith's status as a runner status. A testbox is queued until its Actions job starts;
   * hydrating (setting up) and ready both run on a machine; completed is done. Anything else is
   * {@code unknown}, and the label keeps the word.
   */
  static String status(String blacksmithStatus) {
    switch (blacksmithStatus) {
      case "queued":
        return "queued";
      case "hydrating":
      case "ready":
        return "running";
      case "completed":
        return "completed";
      default:
        return "unknown";
    }
  }

  /**
   * The GitHub repository: as printed when it is already {@code owner/name}, else
   * {@code org/name} when the Blacksmith organization is configured (the CLI prints bare names);
   * empty when neither gives a valid {@code owner/name}.
   */
  static Optional<String> repo(String printed, Optional<String> org) {
    if (printed == null) {
      return Optional.empty();
    }
    String repo = printed.contains("/") ? printed : org.map(o -> o + "/" + printed).orElse(printed);
    return REPO.matcher(repo).matches() ? Optional.of(repo) : Optional.empty();
  }
}
