package dev.crabbox.cli.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The origin of the system tests, run in the origin namespace:
 * {@code OriginServerMain <record-file> <http-port> <https-port> <pkcs12> <https-host>}. Every
 * request appends {@code <peer-address> <scheme> <path>} to the record file. {@code /page} is an
 * HTML page whose image comes from the https server, so one browser visit exercises both.
 */
public final class OriginServerMain {
  private OriginServerMain() {
  }

  public static void main(String[] args) throws Exception {
    Path record = Path.of(args[0]);
    int httpPort = Integer.parseInt(args[1]);
    int httpsPort = Integer.parseInt(args[2]);
    String image = "https://" + args[4] + ":" + httpsPort + "/pixel.svg";

    HttpServer http = HttpServer.create(new InetSocketAddress(httpPort), 50);
    http.createContext("/", exchange -> answer(exchange, record, "http", image));
    HttpsServer https = HttpsServer.create(new InetSocketAddress(httpsPort), 50);
    https.setHttpsConfigurator(new HttpsConfigurator(tls(Path.of(args[3]))));
    https.createContext("/", exchange -> answer(exchange, record, "https", image));
    http.start();
    https.start();
  }

  private static void answer(HttpExchange exchange, Path record, String scheme, String image) throws IOException {
    String line = exchange.getRemoteAddress().getAddress().getHostAddress() + " " + scheme + " "
        + exchange.getRequestURI().getPath() + "\n";
    synchronized (OriginServerMain.class) {
      Files.writeString(record, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    String path = exchange.getRequestURI().getPath();
    String type;
    String body;
    if (path.equals("/page")) {
      type = "text/html";
      body = "<!doctype html><title>crabbox origin</title><h1>origin page</h1><img src=\"" + image + "\">";
    } else if (path.endsWith(".svg")) {
      type = "image/svg+xml";
      body = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"/>";
    } else {
      type = "text/plain";
      body = "origin " + scheme + " " + path + "\n";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static SSLContext tls(Path pkcs12) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(pkcs12.toFile())) {
      store.load(in, TestPki.STORE_PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, TestPki.STORE_PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
