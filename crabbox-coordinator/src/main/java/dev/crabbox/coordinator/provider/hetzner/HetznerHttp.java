package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.ProviderException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests to the Cloud API: bearer token, JSON bodies, the request timeout. Answers every
 * HTTP status as a {@link HetznerReply} (callers decide what a 404 means); a request that gets no
 * answer, or no connection, fails with a retryable {@link ProviderException}. The token goes into
 * the {@code Authorization} header and nowhere else.
 */
final class HetznerHttp {

  private final WebClient client;
  private final HetznerSettings settings;

  HetznerHttp(Vertx vertx, HetznerSettings settings) {
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("crabbox-coordinator")
        .setConnectTimeout(
            (int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis())));
    this.settings = settings;
  }

  Future<HetznerReply> get(String path, Map<String, String> query) {
    return send(HttpMethod.GET, path, query, null);
  }

  Future<HetznerReply> post(String path, JsonObject body) {
    return send(HttpMethod.POST, path, Map.of(), body);
  }

  Future<HetznerReply> delete(String path) {
    return send(HttpMethod.DELETE, path, Map.of(), null);
  }

  void close() {
    client.close();
  }

  private Future<HetznerReply> send(HttpMethod method, String path, Map<String, String> query,
      JsonObject body) {
    String what = method.name() + " " + path;
    HttpRequest<Buffer> request = client.requestAbs(method, settings.apiUrl() + path)
        .bearerTokenAuthentication(settings.token())
        .putHeader("Accept", "application/json")
        .timeout(settings.requestTimeout().toMillis());
    query.forEach(request::addQueryParam);
    Future<HttpResponse<Buffer>> sent =
        body == null ? request.send() : request.sendJsonObject(body);
    return sent.transform(done -> done.succeeded()
        ? Future.succeededFuture(reply(what, done.result()))
        : Future.failedFuture(unanswered(what, done.cause())));
  }

  private static HetznerReply reply(String what, HttpResponse<Buffer> response) {
    Buffer raw = response.body();
    JsonObject json = new JsonObject();
    if (raw != null && raw.length() > 0) {
      try {
        json = new JsonObject(raw);
      } catch (DecodeException | ClassCastException e) {
        if (response.statusCode() < 300) {
          throw new ProviderException("hetzner: the API answered " + what
              + " with something that is not JSON", true, null);
        }
      }
    }
    return new HetznerReply(what, response.statusCode(), json);
  }

  private ProviderException unanswered(String what, Throwable cause) {
    // a connection that is never accepted is, to the operator, an API that does not answer
    if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
      return new ProviderException("hetzner API did not answer within "
          + ConfigDuration.format(settings.requestTimeout()) + " (" + what + ")", true, cause);
    }
    return new ProviderException("hetzner API could not be reached at " + settings.apiUrl()
        + " (" + what + "): " + cause.getMessage(), true, cause);
  }
}
