package dev.crabbox.cli.error;

import dev.crabbox.agent.api.CoordinatorApiException;
import dev.crabbox.agent.host.OpenProxyRefusedException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns a command's failure into the {@link CliException} the operator sees, or null when it is
 * unexpected (a bug). Coordinator refusals that retrying cannot fix are fatal (exit 4); network
 * trouble and other API errors are coordinator errors (exit 3).
 */
public final class FailureClassifier {
  /** Statuses whose answer will not change on a retry (CONTRACTS.md, "Fatal for agents"). */
  private static final Set<Integer> FATAL_STATUSES = Set.of(401, 403, 404, 409, 410);

  private FailureClassifier() {
  }

  public static CliException classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      CliException known = classifyOne(t);
      if (known != null) {
        return known;
      }
    }
    return null;
  }

  private static CliException classifyOne(Throwable t) {
    if (t instanceof CliException cli) {
      return cli;
    }
    if (t instanceof OpenProxyRefusedException refused) {
      return new UsageException(refused.getMessage(), refused);
    }
    if (t instanceof CoordinatorApiException api) {
      String detail = api.getMessage() + " (HTTP " + api.status() + " " + api.code() + ")";
      return FATAL_STATUSES.contains(api.status())
          ? new FatalSetupException("coordinator refused: " + detail, api)
          : new CoordinatorUnavailableException("coordinator error: " + detail, api);
    }
    if (t instanceof SSLException) {
      return new CoordinatorUnavailableException("TLS with the coordinator failed: " + t.getMessage()
          + " (pass --ca <pem-file> for a coordinator certificate signed by a private CA)", t);
    }
    if (t instanceof IOException || t instanceof TimeoutException || t instanceof HttpClosedException) {
      return new CoordinatorUnavailableException("cannot reach the coordinator: " + describe(t), t);
    }
    return null;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
