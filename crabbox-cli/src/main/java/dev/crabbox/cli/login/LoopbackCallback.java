package dev.crabbox.cli.login;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one-shot listener {@code crabbox login} waits on: {@code http://127.0.0.1:<port>/callback}
 * on a free loopback port. It takes the first request whose {@code nonce} is the one this login
 * generated, answers the browser with a short note, and hands the {@code code} on; requests
 * without that nonce (another page sending the browser here) are refused and change nothing.
 */
final class LoopbackCallback {

  static final String PATH = "/callback";

  private final Promise<String> code = Promise.promise();
  private final String nonce;
  private HttpServer server;

  LoopbackCallback(String nonce) {
    this.nonce = nonce;
  }

  /** Listens on 127.0.0.1 and completes with the port. */
  Future<Integer> listen(Vertx vertx) {
    server = vertx.createHttpServer().requestHandler(this::handle);
    return server.listen(0, "127.0.0.1").map(HttpServer::actualPort);
  }

  /** The code of the first callback with the right nonce. */
  Future<String> code() {
    return code.future();
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest request) {
    String given = request.getParam("nonce");
    String received = request.getParam("code");
    boolean ours = PATH.equals(request.path()) && given != null && received != null
        && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
            nonce.getBytes(StandardCharsets.UTF_8));
    if (!ours) {
      answer(request, 400, "This request did not come from your crabbox login; it was ignored.");
    } else if (!code.tryComplete(received)) {
      answer(request, 409, "This crabbox login is already complete.");
    } else {
      answer(request, 200, "Signed in. You can close this tab and go back to the terminal.");
    }
  }

  private static void answer(HttpServerRequest request, int status, String text) {
    request.response().setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Referrer-Policy", "no-referrer")
        .end(text + "\n");
  }
}
