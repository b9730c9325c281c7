package dev.crabbox.portal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.session.SessionCookies;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real coordinator with the portal contributed, a browser-like HTTP client (no redirect
 * following, cookies and Origin set by hand), and helpers that seed state through the
 * {@code /v1} API exactly as the CLI and agents would. Blocking: call from the test thread.
 */
public final class PortalServer {

  private final TestCoordinator coordinator;
  private final WebClient web;

  private PortalServer(TestCoordinator coordinator, WebClient web) {
    this.coordinator = coordinator;
    this.web = web;
  }

  public static PortalServer start(Vertx vertx, Path dataDir) {
    return start(vertx, dataDir, UnaryOperator.identity());
  }

  /** A portal whose routes {@code routes} extends (sign-in methods, login links). */
  public static PortalServer start(Vertx vertx, Path dataDir, UnaryOperator<PortalRoutes> routes) {
    TestCoordinator coordinator = TestCoordinator.start(vertx, dataDir,
        options -> options.addRouteContributor(routes.apply(new PortalRoutes())));
    WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(coordinator.port()).setFollowRedirects(false));
    return new PortalServer(coordinator, web);
  }

  public void stop() {
    web.close();
    coordinator.stop();
  }

  public TestCoordinator coordinator() {
    return coordinator;
  }

  /** The portal's own origin as a browser on 127.0.0.1 sends it. */
  public String origin() {
    return "http://127.0.0.1:" + coordinator.port();
  }

  /** {@code http://localhost:port}: where a browser gets Secure cookies over plain HTTP. */
  public String browserBase() {
    return "http://localhost:" + coordinator.port();
  }

  public String adminToken() {
    return coordinator.adminToken();
  }

  public String token(String owner, String org) {
    return coordinator.token(owner, org);
  }

  /** Signs in with {@code token} through the login form and returns the session cookie value. */
  public String login(String token) {
    HttpResponse<Buffer> response = post("/portal/login", null,
        MultiMap.caseInsensitiveMultiMap().add("token", token));
    assertEquals(303, response.statusCode(), response.bodyAsString());
    String cookie = response.cookies().stream()
        .filter(c -> c.startsWith(SessionCookies.NAME + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie set"));
    String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
    assertTrue(attributes.contains("; httponly") && attributes.contains("; secure")
        && attributes.contains("; samesite=lax") && attributes.contains("; path=/")
        && !attributes.contains("domain="), cookie);
    return cookie.substring(SessionCookies.NAME.length() + 1, cookie.indexOf(';'));
  }

  public HttpResponse<Buffer> get(String path, String session) {
    return get(path, session, Map.of());
  }

  /** A GET with extra request headers. */
  public HttpResponse<Buffer> get(String path, String session, Map<String, String> headers) {
    HttpRequest<Buffer> request = withSession(web.request(HttpMethod.GET, path), session);
    headers.forEach(request::putHeader);
    return Await.result(request.send());
  }

  /** A form POST from the portal's own origin. */
  public HttpResponse<Buffer> post(String path, String session, MultiMap form) {
    return post(path, session, form, origin());
  }

  /** A form POST with the given Origin header (null: none). */
  public HttpResponse<Buffer> post(String path, String session, MultiMap form, String origin) {
    HttpRequest<Buffer> request = withSession(web.request(HttpMethod.POST, path), session);
    if (origin != null) {
      request.putHeader("Origin", origin);
    }
    return Await.result(request.sendForm(form));
  }

  private static HttpRequest<Buffer> withSession(HttpRequest<Buffer> request, String session) {
    if (session != null) {
      request.putHeader("Cookie", SessionCookies.NAME + "=" + session);
    }
    return request;
  }

  // Seeding through /v1

  /** A manual lease of {@code token}'s owner with the given capability labels. */
  public JsonObject lease(String token, boolean desktop, boolean browser, boolean code) {
    JsonObject body = new JsonObject().put("labels", new JsonObject().put("desktop", desktop)
        .put("browser", browser).put("code", code));
    return ok(201, coordinator.post("/v1/leases", token, body));
  }

  public void share(String token, String lease, Map<String, String> users, String org) {
    JsonObject map = new JsonObject();
    users.forEach(map::put);
    ok(200, coordinator.request(HttpMethod.PUT, "/v1/leases/" + lease + "/share", token,
        new JsonObject().put("users", map).put("org", org)));
  }

  public String run(String token, String lease, String command) {
    return ok(201, coordinator.post("/v1/runs", token, new JsonObject().put("leaseID", lease)
        .put("command", command))).getString("id");
  }

  public void event(String token, String run, String type, JsonObject data) {
    ok(200, coordinator.post("/v1/runs/" + run + "/events", token, new JsonObject()
        .put("events", new JsonArray().add(new JsonObject().put("type", type).put("data", data)))));
  }

  public void log(String token, String run, String text) {
    ok(200, coordinator.postText("/v1/runs/" + run + "/logs", token, text));
  }

  public void telemetry(String token, String run, double load1, double memory, double disk) {
    ok(200, coordinator.post("/v1/runs/" + run + "/telemetry", token, new JsonObject()
        .put("load1", load1).put("memoryPercent", memory).put("diskPercent", disk)));
  }

  public void junit(String token, String run, JsonObject summary) {
    ok(200, coordinator.post("/v1/runs/" + run + "/junit", token, summary));
  }

  public void finish(String token, String run, int exitCode) {
    ok(200, coordinator.post("/v1/runs/" + run + "/finish", token,
        new JsonObject().put("exitCode", exitCode)));
  }

  public void syncRunners(String token, JsonObject... runners) {
    JsonArray array = new JsonArray();
    for (JsonObject runner : runners) {
      array.add(runner);
    }
    ok(200, coordinator.post("/v1/runners/sync", token, new JsonObject()
        .put("provider", "blacksmith-testbox").put("runners", array)));
  }

  private static JsonObject ok(int status, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }
}
