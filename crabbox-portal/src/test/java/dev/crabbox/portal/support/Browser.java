package dev.crabbox.portal.support;

import dev.crabbox.coordinator.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough of a browser for sign-in flows: a cookie jar (one host: everything is on
 * 127.0.0.1), extra request headers, and redirects followed by hand so a test can look at each
 * hop. Blocking: call from the test thread.
 */
public final class Browser implements AutoCloseable {

  private final WebClient web;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public Browser(Vertx vertx) {
    this.web = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  /** One GET of an absolute URL, sending and then storing cookies. */
  public HttpResponse<Buffer> get(String url, Map<String, String> headers) {
    HttpRequest<Buffer> request = web.getAbs(url);
    if (!cookies.isEmpty()) {
      request.putHeader("Cookie", String.join("; ", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    headers.forEach(request::putHeader);
    HttpResponse<Buffer> response = Await.result(request.send());
    for (String setCookie : response.cookies()) {
      String pair = setCookie.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return response;
  }

  public HttpResponse<Buffer> get(String url) {
    return get(url, Map.of());
  }

  /** GETs {@code url} and follows redirects until a response is not one (or {@code stopAt} matches). */
  public HttpResponse<Buffer> follow(String url, String stopAtPrefix) {
    String next = url;
    for (int hop = 0; hop < 10; hop++) {
      HttpResponse<Buffer> response = get(next);
      String location = response.getHeader("Location");
      if (response.statusCode() / 100 != 3 || location == null) {
        return response;
      }
      next = URI.create(next).resolve(location).toString();
      if (stopAtPrefix != null && next.startsWith(stopAtPrefix)) {
        return response;
      }
    }
    throw new AssertionError("more than 10 redirects from " + url);
  }

  /** The absolute URL a redirect points to. */
  public static String location(String from, HttpResponse<Buffer> response) {
    return URI.create(from).resolve(response.getHeader("Location")).toString();
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  public void forget(String name) {
    cookies.remove(name);
  }

  /** The unverified claims of a JWT (to look at what a session carries). */
  public static JsonObject claims(String jwt) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    web.close();
  }
}
