package dev.crabbox.cli.options;

import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.api.CoordinatorClient;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The coordinator a command talks to, resolved from flags, environment and config file.
 *
 * @param baseUri http(s) base URL (ws/wss spellings already normalised)
 * @param tls trust settings ({@code --ca} or the JVM's default CAs)
 * @param provider the validated provider label, when one is set
 * @param headers extra request headers the route to the coordinator needs (an access gateway's
 *     service token, {@code coordinatorHeaders} in the config file); sent by this machine only,
 *     never pushed onto a lease
 */
public record CoordinatorTarget(URI baseUri, ClientTls tls, Optional<String> provider,
    Map<String, String> headers) {

  public CoordinatorTarget {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public CoordinatorTarget(URI baseUri, ClientTls tls, Optional<String> provider) {
    this(baseUri, tls, provider, Map.of());
  }

  /** An API client for this coordinator with {@code token}, carrying the extra headers. */
  public CoordinatorClient client(Vertx vertx, String token) {
    return new CoordinatorClient(vertx, baseUri, token, tls).withHeaders(headers);
  }
}
