package dev.crabbox.coordinator.provider.aws;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A fake EC2 endpoint on 127.0.0.1 (port 0) speaking the Query API as the SDK does: form-encoded
 * POSTs with {@code Action} and {@code Version}, signed with SigV4, answered with EC2's XML. It
 * records every call, and a test can make an action fail with an EC2 error or never answer.
 */
final class FakeEc2 {

  /** One request as the fake received it. */
  record Call(String action, Map<String, String> params, MultiMap headers) {
    String param(String name) {
      return params.get(name);
    }
  }

  private record Failure(int status, String code, String message) {}

  final FakeEc2Account account = new FakeEc2Account();
  final FakeEc2Network network = new FakeEc2Network();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  private FakeEc2(HttpServer server) {
    this.server = server;
  }

  static Future<FakeEc2> start(Vertx vertx) {
    HttpServer server = vertx.createHttpServer();
    FakeEc2 fake = new FakeEc2(server);
    server.requestHandler(fake::handle);
    return server.listen(0, "127.0.0.1").map(s -> fake);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  Future<Void> close() {
    return server.close();
  }

  /** Every later call of {@code action} fails with this EC2 error. */
  void fail(String action, int status, String code, String message) {
    failures.put(action, new Failure(status, code, message));
  }

  /** Every later call of {@code action} is read but never answered. */
  void neverAnswer(String action) {
    silent.add(action);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<String> actions() {
    return calls.stream().map(Call::action).collect(Collectors.toList());
  }

  List<Call> calls(String action) {
    return calls.stream().filter(c -> c.action().equals(action)).collect(Collectors.toList());
  }

  private void handle(HttpServerRequest request) {
    request.setExpectMultipart(true);
    request.end().onSuccess(done -> {
      Map<String, String> params = new LinkedHashMap<>();
      request.formAttributes().forEach(e -> params.put(e.getKey(), e.getValue()));
      String action = params.getOrDefault("Action", "");
      calls.add(new Call(action, params, MultiMap.caseInsensitiveMultiMap()
          .addAll(request.headers())));
      if (silent.contains(action)) {
        return;
      }
      Ec2Reply reply = reply(request, action, params);
      request.response().setStatusCode(reply.status())
          .putHeader("Content-Type", "text/xml;charset=UTF-8")
          .end(reply.body());
    });
  }

  private Ec2Reply reply(HttpServerRequest request, String action,
      Map<String, String> params) {
    String authorization = request.getHeader("Authorization");
    if (!"POST".equals(request.method().name()) || authorization == null
        || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
      return Ec2Reply.error(401, "AuthFailure",
          "AWS was not able to validate the provided access credentials");
    }
    if (!"2016-11-15".equals(params.get("Version"))) {
      return Ec2Reply.error(400, "InvalidParameterValue", "unknown API version");
    }
    Failure failure = failures.get(action);
    if (failure != null) {
      return Ec2Reply.error(failure.status(), failure.code(), failure.message());
    }
    Ec2Reply instanceReply = account.handle(action, params);
    if (instanceReply != null) {
      return instanceReply;
    }
    Ec2Reply networkReply = network.handle(action, params);
    return networkReply != null ? networkReply : Ec2Reply.error(400, "InvalidAction",
        "The action " + action + " is not valid for this web service.");
  }
}
