package dev.crabbox.portal.bridge;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.bridge.LeaseBridgeService;
import dev.crabbox.coordinator.bridge.LeaseBridgeService.OpenedBridge;
import dev.crabbox.coordinator.bridge.LeaseBridgeStream;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.WebSocketUpgrades;
import dev.crabbox.coordinator.lease.Access;
import dev.crabbox.coordinator.lease.LeaseService;
import dev.crabbox.coordinator.lease.LeaseSockets;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /portal/leases/{id-or-slug}/code/…}: proxies HTTP requests and WebSocket upgrades to
 * code-server on the lease's 127.0.0.1:8080, one bridge stream per request (HTTP/1.1 with
 * {@code Connection: close}; a WebSocket keeps its stream). code-server's password (the lease's
 * {@code codeServerToken}) is used by the bridge to log in; its session cookie is added to every
 * forwarded request and never shown to the browser. WebSocket upgrades and requests that may
 * change something (anything but GET, HEAD, OPTIONS) must pass the portal's origin check.
 */
final class CodeBridge {

  private static final Logger LOG = LoggerFactory.getLogger(CodeBridge.class);
  private static final String CODE = "/code";

  private final LeaseBridgeService service;
  private final PortalCaller callers;
  private final UpgradeOriginCheck origins;
  private final CodeServerSessions sessions;
  private final LeaseService leases;

  CodeBridge(LeaseBridgeService service, PortalCaller callers, UpgradeOriginCheck origins,
      LeaseService leases) {
    this.service = service;
    this.callers = callers;
    this.origins = origins;
    this.leases = leases;
    this.sessions = new CodeServerSessions(service.bridges());
  }

  /** {@code …/code} → {@code …/code/}: code-server's relative links need the trailing slash. */
  void redirectToSlash(RoutingContext ctx) {
    if (ctx.request().path().endsWith("/")) {
      ctx.next(); // Vert.x matches this route with a trailing slash too: that is the bridge itself
      return;
    }
    String query = ctx.request().query();
    ctx.response().setStatusCode(301)
        .putHeader("Location", ctx.request().path() + "/" + (query == null ? "" : "?" + query))
        .end();
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    boolean webSocket = WebSocketUpgrades.isUpgrade(request);
    if ((webSocket || !safe(request.method())) && !origins.allows(request)) {
      BridgeErrors.refuse(ctx, BridgeErrors.originForbidden());
      return;
    }
    request.pause();
    callers.resolve(ctx)
        .compose(caller -> service.open(caller, ctx.pathParam("lease"), LeaseBridgeKind.CODE)
            .compose(opened -> sessions.cookie(opened.lease())
                .onFailure(failed -> opened.stream().reset("no code-server session"))
                .map(cookie -> new Proxied(caller, opened, cookie))))
        .onSuccess(proxied -> forward(ctx, proxied, webSocket))
        .onFailure(failure -> BridgeErrors.refuse(ctx, failure));
  }

  /** GET, HEAD and OPTIONS change nothing; everything else must come from the portal's own pages. */
  private static boolean safe(io.vertx.core.http.HttpMethod method) {
    return method == io.vertx.core.http.HttpMethod.GET || method == io.vertx.core.http.HttpMethod.HEAD
        || method == io.vertx.core.http.HttpMethod.OPTIONS;
  }

  /** A request on its way to code-server: for whom, over which bridge stream, with which session. */
  private record Proxied(Caller caller, OpenedBridge opened, String cookie) {
  }

  private void forward(RoutingContext ctx, Proxied proxied, boolean webSocket) {
    OpenedBridge opened = proxied.opened();
    String cookie = proxied.cookie();
    HttpServerRequest request = ctx.request();
    String uri = request.uri();
    int at = uri.indexOf(CODE + "/", "/portal/leases/".length());
    String prefix = uri.substring(0, at + CODE.length());
    HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method().name()),
        uri.substring(prefix.length()));
    ForwardedHeaders.request(request, cookie, webSocket, head.headers());
    LeaseBridgeStream stream = opened.stream();
    UpstreamExchange exchange = new UpstreamExchange(stream);
    HttpServerResponse response = ctx.response();
    exchange.start(head, new UpstreamExchange.Listener() {
      @Override
      public void onHead(HttpResponse upstream) {
        if (upstream.status().code() == 101 && webSocket) {
          upgrade(request, exchange, upstream, proxied);
          return;
        }
        if (sendsToLogin(upstream) && !webSocket) {
          // code-server no longer knows our session (it restarted with a new password, or the
          // session expired): forget it and send the browser to the same address again, where
          // the bridge logs in afresh. The browser never sees code-server's login page.
          sessions.forget(opened.lease().id());
          stream.reset("session expired");
          response.setStatusCode(307).putHeader("Location", request.uri())
              .putHeader("Cache-Control", "no-store").end();
          return;
        }
        response.setStatusCode(upstream.status().code());
        ForwardedHeaders.response(upstream.headers(), prefix, response.headers());
        int status = upstream.status().code();
        boolean bodiless = status == 204 || status == 304 || status < 200;
        if (!bodiless && !upstream.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
          response.setChunked(true);
        }
      }

      @Override
      public void onContent(Buffer bytes) {
        if (response.ended()) {
          return;
        }
        response.write(bytes);
        if (response.writeQueueFull()) {
          stream.pause();
          response.drainHandler(v -> stream.resume());
        }
      }

      @Override
      public void onEnd() {
        stream.reset("exchange complete");
        if (!response.ended()) {
          response.end();
        }
      }

      @Override
      public void onFailure(Throwable failure) {
        stream.reset("exchange failed");
        LOG.info("code bridge request to lease {} failed: {}", opened.lease().slug(), failure.getMessage());
        BridgeErrors.refuse(ctx, new ApiException(502, "code_server_unavailable",
            "code-server on lease " + opened.lease().slug() + " did not answer: " + failure.getMessage()));
      }
    });
    response.closeHandler(v -> stream.reset("browser went away"));
    if (webSocket) {
      exchange.end();
      return;
    }
    request.handler(bytes -> {
      exchange.write(bytes);
      if (stream.writeQueueFull()) {
        request.pause();
        stream.drainHandler(v -> request.resume());
      }
    });
    request.endHandler(v -> exchange.end());
    request.resume();
  }

  /** code-server answered with its login page: the bridge's session is no longer valid. */
  private static boolean sendsToLogin(HttpResponse upstream) {
    String location = upstream.headers().get(HttpHeaderNames.LOCATION);
    int status = upstream.status().code();
    return status >= 300 && status < 400 && location != null
        && (location.equals("./login") || location.startsWith("./login?") || location.endsWith("/login")
            || location.contains("/login?"));
  }

  /** code-server accepted the WebSocket: answer the browser's upgrade the same, then pipe raw bytes. */
  private void upgrade(HttpServerRequest request, UpstreamExchange exchange, HttpResponse upstream,
      Proxied proxied) {
    HttpServerResponse response = request.response();
    for (String name : new String[] {"Sec-WebSocket-Accept", "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions"}) {
      String value = upstream.headers().get(name);
      if (value != null) {
        response.putHeader(name, value);
      }
    }
    response.putHeader("Upgrade", "websocket").putHeader("Connection", "Upgrade");
    LeaseBridgeStream stream = exchange.stream();
    request.toNetSocket()
        .onSuccess(socket -> {
          AtomicBoolean closed = new AtomicBoolean();
          join(socket, stream, exchange.takeBytesAfterUpgrade(), closed);
          leases.track(proxied.opened().lease().id(), proxied.caller(), Access.USE,
              tracked(socket, closed));
        })
        .onFailure(failure -> {
          LOG.info("code bridge WebSocket upgrade failed: {}", failure.toString());
          stream.reset("browser upgrade failed");
        });
  }

  /**
   * The browser's code-server WebSocket as the lease's socket registry sees it. Its frames pass
   * through unparsed, so a revocation cannot add a close frame between them: it drops the
   * connection, and the browser sees the WebSocket end abnormally.
   */
  private static LeaseSockets.LiveSocket tracked(NetSocket socket, AtomicBoolean closed) {
    return new LeaseSockets.LiveSocket() {
      @Override
      public boolean closed() {
        return closed.get();
      }

      @Override
      public void revoke(String reason) {
        LOG.info("code bridge WebSocket closed: {}", reason);
        socket.close();
      }
    };
  }

  /** Pipes both ways until either side ends; {@code closed} is set once the browser's side is. */
  private static void join(NetSocket socket, LeaseBridgeStream stream, Buffer early,
      AtomicBoolean closed) {
    if (early.length() > 0) {
      socket.write(early);
    }
    socket.closeHandler(v -> {
      closed.set(true);
      stream.reset("browser closed the WebSocket");
    });
    stream.pipeTo(socket);
    socket.pipeTo(stream);
  }
}
