package dev.crabbox.agent.api;

import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.bridge.BridgeHeaderRules;
import dev.crabbox.protocol.api.BridgeTicket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small client for the coordinator's HTTP API (v1), built on the Vert.x core HttpClient.
 * Every method answers a Future; a non-2xx answer fails it with {@link CoordinatorApiException}.
 * The methods may be called from any thread, a Vert.x context or a plain one (the CLI calls them
 * from its main thread and awaits the futures). {@link #close()} releases its connections.
 */
public final class CoordinatorClient {

  private static final int DEFAULT_HTTP_PORT = 80;
  private static final int DEFAULT_HTTPS_PORT = 443;

  private final HttpClient http;
  private final URI base;
  private final String bearerToken;
  private Map<String, String> extraHeaders = Map.of();

  /**
   * @param base        coordinator URL such as {@code https://broker.example.com} (a path prefix is kept)
   * @param bearerToken the API token, or null for unauthenticated calls such as health
   * @param tls         trust settings for https
   */
  public CoordinatorClient(Vertx vertx, URI base, String bearerToken, ClientTls tls) {
    Objects.requireNonNull(vertx, "vertx");
    this.base = Objects.requireNonNull(base, "base");
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("coordinator URL must be http:// or https://, got " + base);
    }
    if (base.getHost() == null) {
      throw new IllegalArgumentException("coordinator URL has no host: " + base);
    }
    boolean ssl = scheme.equals("https");
    HttpClientOptions options = new HttpClientOptions()
        .setSsl(ssl)
        .setDefaultHost(base.getHost())
        .setDefaultPort(base.getPort() > 0 ? base.getPort() : ssl ? DEFAULT_HTTPS_PORT : DEFAULT_HTTP_PORT);
    (tls == null ? ClientTls.system() : tls).apply(options);
    this.http = vertx.createHttpClient(options);
    this.bearerToken = bearerToken;
  }

  /**
   * Extra headers for every request (an access gateway's service token in front of the
   * coordinator); they never replace the bearer token. Call before the first request.
   */
  public CoordinatorClient withHeaders(Map<String, String> headers) {
    this.extraHeaders = BridgeHeaderRules.extraHeaders(headers);
    return this;
  }

  /** {@code POST /v1/leases}; the body may be empty. */
  public Future<JsonObject> createLease(JsonObject body) {
    return call(HttpMethod.POST, "/v1/leases", body == null ? new JsonObject() : body);
  }

  /** {@code GET /v1/leases/{idOrSlug}}. */
  public Future<JsonObject> getLease(String idOrSlug) {
    return call(HttpMethod.GET, "/v1/leases/" + segment(idOrSlug), null);
  }

  /** {@code GET /v1/leases} — the {@code leases} array. */
  public Future<List<JsonObject>> listLeases() {
    return call(HttpMethod.GET, "/v1/leases", null).map(json -> {
      JsonArray leases = json.getJsonArray("leases", new JsonArray());
      return leases.stream().map(JsonObject.class::cast).toList();
    });
  }

  /** {@code POST /v1/leases/{idOrSlug}/release}. */
  public Future<JsonObject> releaseLease(String idOrSlug) {
    return call(HttpMethod.POST, "/v1/leases/" + segment(idOrSlug) + "/release", new JsonObject());
  }

  /** {@code POST /v1/leases/{idOrSlug}/heartbeat}: keeps a lease from going idle. */
  public Future<JsonObject> heartbeatLease(String idOrSlug) {
    return call(HttpMethod.POST, "/v1/leases/" + segment(idOrSlug) + "/heartbeat", new JsonObject());
  }

  /** {@code POST /v1/runs}: {@code {leaseID, command, provider?}}; answers the run record. */
  public Future<JsonObject> createRun(JsonObject body) {
    return call(HttpMethod.POST, "/v1/runs", body);
  }

  /** {@code GET /v1/runs/{id}}. */
  public Future<JsonObject> getRun(String runId) {
    return call(HttpMethod.GET, "/v1/runs/" + segment(runId), null);
  }

  /** {@code GET /v1/leases/{idOrSlug}/runs} — the lease's runs, newest first. */
  public Future<List<JsonObject>> listLeaseRuns(String idOrSlug) {
    return call(HttpMethod.GET, "/v1/leases/" + segment(idOrSlug) + "/runs", null).map(json ->
        json.getJsonArray("runs", new JsonArray()).stream().map(JsonObject.class::cast).toList());
  }

  /** {@code GET /v1/runs/{id}/events} — the {@code events} array. */
  public Future<List<JsonObject>> runEvents(String runId) {
    return call(HttpMethod.GET, "/v1/runs/" + segment(runId) + "/events", null).map(json ->
        json.getJsonArray("events", new JsonArray()).stream().map(JsonObject.class::cast).toList());
  }

  /** {@code POST /v1/runs/{id}/events}: {@code events} is an array of {@code {type, at?, data?}}. */
  public Future<JsonObject> appendRunEvents(String runId, JsonArray events) {
    return call(HttpMethod.POST, "/v1/runs/" + segment(runId) + "/events",
        new JsonObject().put("events", events));
  }

  /** {@code POST /v1/runs/{id}/logs}: appends to the run's retained log. */
  public Future<JsonObject> appendRunLog(String runId, String text) {
    return call(HttpMethod.POST, "/v1/runs/" + segment(runId) + "/logs", new JsonObject().put("text", text));
  }

  /** {@code POST /v1/runs/{id}/telemetry}: {@code {load1, memoryPercent, diskPercent, at?}}. */
  public Future<JsonObject> addRunTelemetry(String runId, JsonObject sample) {
    return call(HttpMethod.POST, "/v1/runs/" + segment(runId) + "/telemetry", sample);
  }

  /** {@code POST /v1/runs/{id}/junit}: the JUnit summary. */
  public Future<JsonObject> putRunJunit(String runId, JsonObject summary) {
    return call(HttpMethod.POST, "/v1/runs/" + segment(runId) + "/junit", summary);
  }

  /** {@code POST /v1/runs/{id}/finish}: records the exit code and ends the run. */
  public Future<JsonObject> finishRun(String runId, int exitCode) {
    return call(HttpMethod.POST, "/v1/runs/" + segment(runId) + "/finish",
        new JsonObject().put("exitCode", exitCode));
  }

  /** {@code GET /v1/whoami}. */
  public Future<JsonObject> whoami() {
    return call(HttpMethod.GET, "/v1/whoami", null);
  }

  /** {@code POST /v1/leases/{lease}/egress/ticket}; null session/profile are left out. */
  public Future<EgressTicket> mintEgressTicket(String lease, String role, String sessionIdOrNull,
      String profileOrNull, List<String> allow) {
    JsonObject body = new JsonObject().put("role", Objects.requireNonNull(role, "role"));
    if (sessionIdOrNull != null) {
      body.put("sessionID", sessionIdOrNull);
    }
    if (profileOrNull != null) {
      body.put("profile", profileOrNull);
    }
    if (allow != null && !allow.isEmpty()) {
      body.put("allow", new JsonArray(List.copyOf(allow)));
    }
    return call(HttpMethod.POST, "/v1/leases/" + segment(lease) + "/egress/ticket", body)
        .map(EgressTicket::fromJson);
  }

  /** {@code GET /v1/leases/{lease}/egress/status}. */
  public Future<JsonObject> egressStatus(String lease) {
    return call(HttpMethod.GET, "/v1/leases/" + segment(lease) + "/egress/status", null);
  }

  /** {@code POST /v1/leases/{lease}/bridges/{kind}/ticket}: a one-use lease bridge agent ticket. */
  public Future<BridgeTicket> mintBridgeTicket(String lease, String kind) {
    return call(HttpMethod.POST, "/v1/leases/" + segment(lease) + "/bridges/" + segment(kind) + "/ticket", null)
        .map(json -> BridgeTicket.fromJson(json.getMap()));
  }

  /** {@code GET /v1/leases/{lease}/bridges}: which lease bridge agents are connected. */
  public Future<JsonObject> leaseBridges(String lease) {
    return call(HttpMethod.GET, "/v1/leases/" + segment(lease) + "/bridges", null);
  }

  /** Closes the underlying HTTP client. */
  public Future<Void> close() {
    return http.close();
  }

  private Future<JsonObject> call(HttpMethod method, String path, JsonObject body) {
    RequestOptions request = new RequestOptions()
        .setMethod(method)
        .setURI(basePath() + path)
        .putHeader(HttpHeaders.ACCEPT, "application/json");
    extraHeaders.forEach(request::putHeader);
    if (bearerToken != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
    }
    return http.request(request).compose(req -> {
      Future<HttpClientResponse> sent;
      if (body == null) {
        sent = req.send();
      } else {
        req.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        sent = req.send(body.toBuffer());
      }
      // Ask for the body in the callback that receives the response, not in a later stage of the
      // outer chain. A response drops the body bytes it reads before body() is called, and the rest
      // of a small response is read in the same event-loop task as its head. An outer stage is
      // registered by the calling thread (for the CLI its main thread, not a Vert.x one): when the
      // response is in before that thread gets to register it, the stage runs a task later, after
      // the body went by, and the call never completes. This stage is registered inside the request
      // callback, before the request can have been answered.
      return sent.compose(response -> response.body()
          .compose(payload -> answer(method, path, response, payload)));
    });
  }

  private static Future<JsonObject> answer(HttpMethod method, String path, HttpClientResponse response,
      Buffer payload) {
    int status = response.statusCode();
    JsonObject json;
    try {
      json = payload.length() == 0 ? new JsonObject() : new JsonObject(payload);
    } catch (DecodeException | ClassCastException e) {
      json = null;
    }
    if (status / 100 == 2) {
      return json != null ? Future.succeededFuture(json)
          : Future.failedFuture(new CoordinatorApiException(status, "bad_response",
              method + " " + path + " answered " + status + " with a body that is not a JSON object"));
    }
    String code = json != null ? json.getString("error", "http_" + status) : "http_" + status;
    String message = json != null && json.getString("message") != null ? json.getString("message")
        : method + " " + path + " failed with HTTP " + status;
    return Future.failedFuture(new CoordinatorApiException(status, code, message));
  }

  private String basePath() {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  static String segment(String value) {
    Objects.requireNonNull(value, "path segment");
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
