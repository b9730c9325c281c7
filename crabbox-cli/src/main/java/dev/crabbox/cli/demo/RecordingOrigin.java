package dev.crabbox.cli.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP origin on loopback that remembers every request it served, so the demo can show
 * what a destination sees of a request that came through the bridge.
 */
public final class RecordingOrigin {

  /** One request as the origin saw it. */
  public record SeenRequest(String peer, String method, String uri, List<Map.Entry<String, String>> headers) {}

  private final Vertx vertx;
  private final List<SeenRequest> seen = new ArrayList<>();
  private HttpServer server;

  public RecordingOrigin(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<RecordingOrigin> start() {
    server = vertx.createHttpServer().requestHandler(this::serve);
    return server.listen(0, "127.0.0.1").map(s -> this);
  }

  private void serve(HttpServerRequest request) {
    synchronized (seen) {
      seen.add(new SeenRequest(request.remoteAddress().toString(), request.method().name(),
          request.uri(), List.copyOf(request.headers().entries())));
    }
    request.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end("<!doctype html><title>origin</title><h1>Hello from the origin</h1>\n");
  }

  public int port() {
    return server.actualPort();
  }

  public List<SeenRequest> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
