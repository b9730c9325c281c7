package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.support.Await;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The Hetzner Cloud API on a loopback port, as far as the provider uses it: servers (list with
 * label selector, create, get, delete) and SSH keys (create, list by name, fingerprint or label,
 * delete), with the real API's status codes and error bodies. Every request is recorded; tests
 * can make the next matching request fail with an API error, or never be answered.
 *
 * <p>Created servers go through {@code initializing → starting → running}, one step per
 * {@code GET /servers/{id}}, unless {@link #holdStatus} pins them.
 */
final class FakeHetznerCloud {

  static final String TOKEN = "hz-fake-token-6Zq3tW9pLx";

  /** One request as received. {@code template} has numeric path segments as {@code {id}}. */
  record Call(String method, String path, String template, MultiMap query, String authorization,
      JsonObject body) {
    String request() {
      return method + " " + template;
    }
  }

  private record Canned(int status, JsonObject body) {}

  private static final List<String> STARTUP = List.of("initializing", "starting", "running");

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<Long, JsonObject> servers = new ConcurrentHashMap<>();
  private final Map<Long, JsonObject> sshKeys = new ConcurrentHashMap<>();
  private final Map<String, Deque<Canned>> failures = new ConcurrentHashMap<>();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong(4711);
  private volatile String heldStatus;
  private HttpServer server;

  static FakeHetznerCloud start(Vertx vertx) {
    FakeHetznerCloud fake = new FakeHetznerCloud();
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create()).handler(fake::intercept);
    router.get("/v1/servers").handler(fake::listServers);
    router.post("/v1/servers").handler(fake::createServer);
    router.get("/v1/servers/:id").handler(fake::getServer);
    router.delete("/v1/servers/:id").handler(fake::deleteServer);
    router.get("/v1/ssh_keys").handler(fake::listSshKeys);
    router.post("/v1/ssh_keys").handler(fake::createSshKey);
    router.delete("/v1/ssh_keys/:id").handler(fake::deleteSshKey);
    fake.server = Await.result(vertx.createHttpServer().requestHandler(router)
        .listen(0, "127.0.0.1"));
    return fake;
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v1";
  }

  void stop() {
    Await.result(server.close());
  }

  /** The next {@code request} ({@code "POST /servers"}, {@code "GET /servers/{id}"}) fails so. */
  void failNext(String request, int status, String code, String message) {
    failures.computeIfAbsent(request, r -> new ArrayDeque<>())
        .add(new Canned(status, CloudJson.error(code, message)));
  }

  /** Every {@code request} is received and recorded but never answered. */
  void neverAnswer(String request) {
    silent.add(request);
  }

  /** Servers stay in {@code status} instead of starting up. */
  void holdStatus(String status) {
    heldStatus = status;
  }

  /** A server that exists already (made by an earlier attempt or by hand). */
  JsonObject addServer(String name, JsonObject labels, String status) {
    long id = ids.incrementAndGet();
    JsonObject created = CloudJson.server(id, name, "cx22", "fsn1", "debian-12", labels, status);
    servers.put(id, created);
    return created;
  }

  /** An SSH key that exists already. */
  long addSshKey(String name, String publicKey, JsonObject labels) {
    long id = ids.incrementAndGet();
    sshKeys.put(id, CloudJson.sshKey(id, name, md5(publicKey), publicKey, labels));
    return id;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String request) {
    return calls.stream().filter(call -> call.request().equals(request)).toList();
  }

  boolean hasServer(long id) {
    return servers.containsKey(id);
  }

  boolean hasSshKey(long id) {
    return sshKeys.containsKey(id);
  }

  int serverCount() {
    return servers.size();
  }

  /** The id of the only server, for tests that made exactly one. */
  long onlyServerId() {
    if (servers.size() != 1) {
      throw new AssertionError("expected one server, found " + servers.keySet());
    }
    return servers.keySet().iterator().next();
  }

  /** The id of the SSH key named {@code name}. */
  long sshKeyId(String name) {
    return sshKeys.values().stream().filter(key -> name.equals(key.getString("name")))
        .mapToLong(key -> key.getLong("id")).findFirst()
        .orElseThrow(() -> new AssertionError("no SSH key named " + name));
  }

  private void intercept(RoutingContext ctx) {
    String path = ctx.request().path().replaceFirst("^/v1", "");
    JsonObject body = ctx.body().isEmpty() ? null : ctx.body().asJsonObject();
    Call call = new Call(ctx.request().method().name(), path, path.replaceAll("/\\d+", "/{id}"),
        MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams()),
        ctx.request().getHeader("Authorization"), body);
    calls.add(call);
    if (silent.contains(call.request())) {
      return;
    }
    if (!("Bearer " + TOKEN).equals(call.authorization())) {
      reply(ctx, 401, CloudJson.error("unauthorized", "unable to authenticate"));
      return;
    }
    Deque<Canned> canned = failures.get(call.request());
    Canned failure = canned == null ? null : canned.poll();
    if (failure != null) {
      if (failure.status() == 429) {
        ctx.response().putHeader("RateLimit-Limit", "3600").putHeader("RateLimit-Remaining", "0")
            .putHeader("RateLimit-Reset", "1764090000");
      }
      reply(ctx, failure.status(), failure.body());
      return;
    }
    ctx.next();
  }

  private void listServers(RoutingContext ctx) {
    Predicate<JsonObject> selected = labelSelector(ctx.queryParams().get("label_selector"));
    String name = ctx.queryParams().get("name");
    JsonArray found = new JsonArray(servers.values().stream()
        .filter(s -> selected.test(s.getJsonObject("labels")))
        .filter(s -> name == null || name.equals(s.getString("name")))
        .map(s -> (Object) s).toList());
    reply(ctx, 200, new JsonObject().put("servers", found)
        .put("meta", CloudJson.meta(found.size())));
  }

  private void createServer(RoutingContext ctx) {
    JsonObject request = ctx.body().asJsonObject();
    for (String field : new String[] {"name", "server_type", "image"}) {
      if (request.getString(field, "").isEmpty()) {
        reply(ctx, 400, CloudJson.error("invalid_input",
            "invalid input in field '" + field + "'"));
        return;
      }
    }
    String name = request.getString("name");
    if (servers.values().stream().anyMatch(s -> name.equals(s.getString("name")))) {
      reply(ctx, 409, CloudJson.error("uniqueness_error", "server name is already used"));
      return;
    }
    long id = ids.incrementAndGet();
    JsonObject created = CloudJson.server(id, name, request.getString("server_type"),
        request.getString("location", "fsn1"), request.getString("image"),
        request.getJsonObject("labels", new JsonObject()),
        heldStatus != null ? heldStatus : STARTUP.get(0));
    servers.put(id, created);
    reply(ctx, 201, new JsonObject()
        .put("server", created)
        .put("action", CloudJson.action(ids.incrementAndGet(), "create_server", "running", id,
            "server"))
        .put("next_actions", new JsonArray().add(CloudJson.action(ids.incrementAndGet(),
            "start_server", "running", id, "server")))
        .putNull("root_password"));
  }

  private void getServer(RoutingContext ctx) {
    long id = Long.parseLong(ctx.pathParam("id"));
    JsonObject found = servers.computeIfPresent(id, (key, current) -> current.copy()
        .put("status", heldStatus != null ? heldStatus : nextStatus(current.getString("status"))));
    if (found == null) {
      reply(ctx, 404, CloudJson.error("not_found", "server with ID '" + id + "' not found"));
      return;
    }
    reply(ctx, 200, new JsonObject().put("server", found));
  }

  private void deleteServer(RoutingContext ctx) {
    long id = Long.parseLong(ctx.pathParam("id"));
    if (servers.remove(id) == null) {
      reply(ctx, 404, CloudJson.error("not_found", "server with ID '" + id + "' not found"));
      return;
    }
    reply(ctx, 200, new JsonObject().put("action",
        CloudJson.action(ids.incrementAndGet(), "delete_server", "running", id, "server")));
  }

  private void listSshKeys(RoutingContext ctx) {
    MultiMap query = ctx.queryParams();
    Predicate<JsonObject> selected = labelSelector(query.get("label_selector"));
    JsonArray found = new JsonArray(sshKeys.values().stream()
        .filter(k -> selected.test(k.getJsonObject("labels")))
        .filter(k -> query.get("name") == null || query.get("name").equals(k.getString("name")))
        .filter(k -> query.get("fingerprint") == null
            || query.get("fingerprint").equals(k.getString("fingerprint")))
        .map(k -> (Object) k).toList());
    reply(ctx, 200, new JsonObject().put("ssh_keys", found)
        .put("meta", CloudJson.meta(found.size())));
  }

  private void createSshKey(RoutingContext ctx) {
    JsonObject request = ctx.body().asJsonObject();
    String name = request.getString("name");
    String fingerprint = md5(request.getString("public_key"));
    if (sshKeys.values().stream().anyMatch(k -> name.equals(k.getString("name")))) {
      reply(ctx, 409, CloudJson.error("uniqueness_error",
          "SSH key with the same name already exists"));
      return;
    }
    if (sshKeys.values().stream().anyMatch(k -> fingerprint.equals(k.getString("fingerprint")))) {
      reply(ctx, 409, CloudJson.error("uniqueness_error",
          "SSH key with the same fingerprint already exists"));
      return;
    }
    long id = ids.incrementAndGet();
    JsonObject key = CloudJson.sshKey(id, name, fingerprint, request.getString("public_key"),
        request.getJsonObject("labels", new JsonObject()));
    sshKeys.put(id, key);
    reply(ctx, 201, new JsonObject().put("ssh_key", key));
  }

  private void deleteSshKey(RoutingContext ctx) {
    long id = Long.parseLong(ctx.pathParam("id"));
    if (sshKeys.remove(id) == null) {
      reply(ctx, 404, CloudJson.error("not_found", "SSH key with ID '" + id + "' not found"));
      return;
    }
    ctx.response().setStatusCode(204).end();
  }

  private static String nextStatus(String status) {
    int at = STARTUP.indexOf(status);
    return at < 0 || at == STARTUP.size() - 1 ? status : STARTUP.get(at + 1);
  }

  /** {@code k=v} / {@code k==v} terms joined by commas, as the API documents them. */
  private static Predicate<JsonObject> labelSelector(String selector) {
    Predicate<JsonObject> all = labels -> true;
    if (selector == null || selector.isBlank()) {
      return all;
    }
    for (String term : selector.split(",")) {
      String[] kv = term.split("==?", 2);
      all = all.and(labels -> labels != null && kv.length == 2
          && kv[1].trim().equals(labels.getString(kv[0].trim())));
    }
    return all;
  }

  /** The fingerprint the API reports for a key: MD5 of the blob, colon-separated hex. */
  private static String md5(String publicKey) {
    try {
      byte[] blob = Base64.getDecoder().decode(publicKey.trim().split("\\s+")[1]);
      StringJoiner hex = new StringJoiner(":");
      for (byte b : MessageDigest.getInstance("MD5").digest(blob)) {
        hex.add(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
