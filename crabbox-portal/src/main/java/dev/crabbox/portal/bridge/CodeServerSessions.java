package dev.crabbox.portal.bridge;

import dev.crabbox.coordinator.bridge.LeaseBridges;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * code-server sessions the bridge holds on the user's behalf: it logs in to code-server itself
 * ({@code POST /login} with {@code password=<the lease's codeServerToken>}, over the bridge) and
 * keeps the {@code code-server-session} cookie here, per lease, so neither the token nor the
 * cookie ever reaches a browser. Used on the coordinator's context.
 */
final class CodeServerSessions {

  private static final Logger LOG = LoggerFactory.getLogger(CodeServerSessions.class);
  /** Where the lease's code-server token is kept in its provision inputs (LeaseSecrets). */
  static final String TOKEN_SECRET = "codeServerToken";

  private final LeaseBridges bridges;
  private final Map<String, Future<String>> byLease = new HashMap<>();

  CodeServerSessions(LeaseBridges bridges) {
    this.bridges = bridges;
  }

  /** The session cookie for the lease's code-server, logging in once. */
  Future<String> cookie(LeaseRecord lease) {
    Future<String> known = byLease.get(lease.id());
    if (known != null) {
      return known;
    }
    Future<String> login = login(lease);
    byLease.put(lease.id(), login);
    login.onFailure(failed -> byLease.remove(lease.id(), login));
    return login;
  }

  /** Drops the lease's session (code-server sent the browser to its login page). */
  void forget(String leaseId) {
    byLease.remove(leaseId);
  }

  private Future<String> login(LeaseRecord lease) {
    String token = lease.inputs().secrets().get(TOKEN_SECRET);
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(new ApiException(409, "code_server_token_missing", "lease " + lease.slug()
          + " has no code-server token on record; warm a new lease with --code"));
    }
    Buffer form = Buffer.buffer("password=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/login");
    head.headers()
        .set(HttpHeaderNames.HOST, "127.0.0.1")
        .set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded")
        .set(HttpHeaderNames.CONTENT_LENGTH, form.length())
        .set(HttpHeaderNames.CONNECTION, "close");
    return bridges.openStream(lease.id(), LeaseBridgeKind.CODE).compose(stream -> {
      Promise<String> cookie = Promise.promise();
      UpstreamExchange exchange = new UpstreamExchange(stream);
      exchange.start(head, new UpstreamExchange.Listener() {
        @Override
        public void onHead(HttpResponse response) {
          String value = ForwardedHeaders.sessionCookieValue(response.headers());
          if (value != null) {
            cookie.tryComplete(value);
          } else {
            cookie.tryFail(new ApiException(502, "code_server_login_failed", "code-server on lease "
                + lease.slug() + " refused the lease's token (HTTP " + response.status().code() + ")"));
          }
        }

        @Override
        public void onContent(Buffer bytes) {
          // the login page's body is of no use
        }

        @Override
        public void onEnd() {
          stream.reset("login done");
        }

        @Override
        public void onFailure(Throwable failure) {
          stream.reset("login failed");
          cookie.tryFail(new ApiException(502, "code_server_login_failed", "cannot log in to code-server on "
              + "lease " + lease.slug() + ": " + failure.getMessage()));
        }
      });
      exchange.write(form);
      exchange.end();
      return cookie.future().onSuccess(v -> LOG.info("code bridge logged in to code-server on lease {}",
          lease.slug()));
    });
  }
}
