package dev.crabbox.cli.login;

import dev.crabbox.agent.ClientTls;
import dev.crabbox.cli.error.FatalSetupException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The terminal half of GitHub sign-in: starts a {@link LoopbackCallback}, shows (and, on a
 * desktop, opens) the coordinator's {@code /portal/login/github/cli} URL carrying the loopback
 * port, a nonce and the SHA-256 challenge of a verifier, waits for the browser to come back with
 * a one-use code, and redeems that code with the verifier at {@code POST /v1/login/token} for a
 * coordinator bearer token. Neither the token nor the verifier ever passes through the browser.
 */
final class BrowserLogin {

  static final String START_PATH = "/portal/login/github/cli";
  static final String REDEEM_PATH = "/v1/login/token";
  static final Duration WAIT = Duration.ofMinutes(5);

  private final URI coordinator;
  private final ClientTls tls;
  private final PrintWriter err;
  private final BrowserOpener opener;

  BrowserLogin(URI coordinator, ClientTls tls, PrintWriter err, BrowserOpener opener) {
    this.coordinator = coordinator;
    this.tls = tls;
    this.err = err;
    this.opener = opener;
  }

  /** The bearer token the sign-in earned. */
  Future<String> run(Vertx vertx) {
    SecureRandom random = new SecureRandom();
    String verifier = randomToken(random);
    String nonce = randomToken(random);
    LoopbackCallback callback = new LoopbackCallback(nonce);
    HttpClient http = vertx.createHttpClient(tls.apply(new HttpClientOptions()
        .setSsl("https".equalsIgnoreCase(coordinator.getScheme()))));
    return offersGitHub(http)
        .compose(v -> callback.listen(vertx))
        .compose(port -> {
          String url = base() + START_PATH + "?port=" + port + "&nonce=" + nonce
              + "&challenge=" + challenge(verifier);
          err.printf("crabbox: sign in with GitHub in your browser:%n  %s%n"
              + "crabbox: waiting for the browser to come back to 127.0.0.1:%d "
              + "(Ctrl-C to cancel)...%n", url, port);
          err.flush();
          opener.open(url);
          return withTimeout(callback.code());
        })
        .compose(code -> redeem(http, code, verifier))
        .eventually(callback::close)
        .eventually(http::close);
  }

  /** A GET of the CLI start page without parameters: 400 means GitHub sign-in is there. */
  private Future<Void> offersGitHub(HttpClient http) {
    return send(http, HttpMethod.GET, START_PATH, null).compose(response -> response.status() == 400
        ? Future.succeededFuture()
        : Future.failedFuture(new FatalSetupException("the coordinator at " + coordinator
            + " does not offer GitHub sign-in (its config has no portal.github section); "
            + "log in with a token instead: crabbox login --token T (or set CRABBOX_TOKEN)")));
  }

  private Future<String> redeem(HttpClient http, String code, String verifier) {
    JsonObject body = new JsonObject().put("code", code).put("verifier", verifier);
    return send(http, HttpMethod.POST, REDEEM_PATH, body).compose(response -> {
      JsonObject json;
      try {
        json = new JsonObject(response.body());
      } catch (DecodeException e) {
        json = new JsonObject();
      }
      String token = json.getString("token");
      if (response.status() != 200 || token == null) {
        return Future.failedFuture(new FatalSetupException("the coordinator did not accept the "
            + "sign-in: " + json.getString("message", "HTTP " + response.status())));
      }
      return Future.succeededFuture(token);
    });
  }

  private record Answer(int status, Buffer body) {}

  private Future<Answer> send(HttpClient http, HttpMethod method, String path, JsonObject body) {
    int port = coordinator.getPort() > 0 ? coordinator.getPort()
        : "https".equalsIgnoreCase(coordinator.getScheme()) ? 443 : 80;
    RequestOptions options = new RequestOptions().setMethod(method).setHost(coordinator.getHost())
        .setPort(port).setURI(basePath() + path).putHeader("Accept", "application/json");
    return http.request(options).compose(request -> {
      if (body != null) {
        request.putHeader("Content-Type", "application/json");
      }
      // The body is asked for inside the response callback so a small answer cannot slip by.
      return (body == null ? request.send() : request.send(body.toBuffer()))
          .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b)));
    });
  }

  private static <T> Future<T> withTimeout(Future<T> waiting) {
    return waiting.timeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).recover(failure ->
        Future.failedFuture(new FatalSetupException("no browser sign-in within "
            + WAIT.toMinutes() + " minutes; run crabbox login again")));
  }

  private String base() {
    String text = coordinator.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private String basePath() {
    String path = coordinator.getRawPath() == null ? "" : coordinator.getRawPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String randomToken(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** base64url of SHA-256 of the verifier (PKCE S256). */
  static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
          .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
