package dev.crabbox.agent.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A destination web server that records what reached it. It answers {@code <name> <METHOD> <uri>
 * body=<n>} followed by the request body; {@code /close} answers with {@code Connection: close}
 * and {@code /bytes?n=N} answers N bytes. Optionally https with a self-signed certificate.
 */
public final class HttpOrigin {

  /** One request as the origin saw it. */
  public record Seen(String method, String uri, MultiMap headers, String body, int remotePort) {}

  private final Vertx vertx;
  private final String name;
  private final SelfSignedCertificate certificate;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private HttpOrigin(Vertx vertx, String name, SelfSignedCertificate certificate) {
    this.vertx = vertx;
    this.name = name;
    this.certificate = certificate;
  }

  public static HttpOrigin plain(Vertx vertx, String name) {
    return new HttpOrigin(vertx, name, null);
  }

  /** An https origin whose certificate is issued to {@code host} (self-signed). */
  public static HttpOrigin tls(Vertx vertx, String name, String host) {
    return new HttpOrigin(vertx, name, SelfSignedCertificate.create(host));
  }

  public Future<HttpOrigin> start() {
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0);
    if (certificate != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(certificate.certificatePath())
          .setKeyPath(certificate.privateKeyPath()));
    }
    server = vertx.createHttpServer(options).requestHandler(this::answer);
    return server.listen().map(s -> this);
  }

  public int port() {
    return server.actualPort();
  }

  /** The PEM certificate a client must trust (https origins only). */
  public String certificatePath() {
    return certificate.certificatePath();
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void answer(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
      seen.add(new Seen(request.method().name(), request.uri(), headers, body.toString(),
          request.remoteAddress().port()));
      if (request.path().equals("/bytes")) {
        int n = Integer.parseInt(request.getParam("n"));
        request.response().end(Buffer.buffer(new byte[n]));
        return;
      }
      boolean close = request.path().equals("/close");
      if (close) {
        request.response().putHeader("Connection", "close");
      }
      request.response()
          .putHeader("Content-Type", "text/plain")
          .end(name + " " + request.method().name() + " " + request.uri() + " body=" + body.length() + "\n" + body)
          .onComplete(v -> {
            if (close) {
              request.connection().close();
            }
          });
    });
  }
}
