package dev.crabbox.portal.bridge;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP + WebSocket app on loopback that authenticates like code-server: {@code POST
 * /login} with form field {@code password} sets the {@code code-server-session} cookie; every
 * other request without that cookie is redirected to {@code ./login}. Behind the login:
 * {@code /hello} (text), {@code /big} (a chunked 1 MiB body), {@code /echo} (echoes a POST body),
 * {@code /elsewhere} (an absolute-path redirect) and {@code /ws} (a WebSocket echo). Records the
 * headers of each request it gets.
 */
final class FakeCodeServer {

  static final String SESSION = "sess-7f3a";
  static final String ROTATED_SESSION = "sess-9c1b";
  static final int BIG = 1024 * 1024;

  final List<MultiMap> requestHeaders = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  private final String password;
  private final HttpServer server;
  private volatile String session = SESSION;

  FakeCodeServer(Vertx vertx, String password) {
    this.password = password;
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(this::handle);
  }

  Future<FakeCodeServer> start() {
    return server.listen().map(s -> this);
  }

  /** Forgets every session, as a restarted code-server does; the next login gets a new one. */
  void rotateSessions() {
    session = ROTATED_SESSION;
  }

  int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    requestHeaders.add(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
    paths.add(request.uri());
    if (request.path().equals("/login") && request.method().name().equals("POST")) {
      request.setExpectMultipart(true);
      request.endHandler(v -> {
        if (password.equals(request.getFormAttribute("password"))) {
          request.response().setStatusCode(302).putHeader("Location", "./")
              .addCookie(Cookie.cookie("code-server-session", session).setPath("/").setHttpOnly(true)).end();
        } else {
          request.response().setStatusCode(401).end("wrong password");
        }
      });
      return;
    }
    Cookie presented = request.getCookie("code-server-session");
    if (presented == null || !session.equals(presented.getValue())) {
      request.response().setStatusCode(302).putHeader("Location", "./login").end();
      return;
    }
    switch (request.path()) {
      case "/hello" -> request.response().putHeader("Content-Type", "text/plain").end("hello from code-server");
      case "/big" -> {
        request.response().setChunked(true);
        byte[] chunk = new byte[16 * 1024];
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = (byte) ('a' + i % 26);
        }
        for (int sent = 0; sent < BIG; sent += chunk.length) {
          request.response().write(Buffer.buffer(chunk));
        }
        request.response().end();
      }
      case "/echo" -> request.body().onSuccess(body -> request.response().end(body));
      case "/elsewhere" -> request.response().setStatusCode(302).putHeader("Location", "/hello").end();
      case "/ws" -> request.toWebSocket().onSuccess(ws -> ws.textMessageHandler(text -> ws.writeTextMessage("echo:" + text)));
      default -> request.response().setStatusCode(404).end();
    }
  }
}
