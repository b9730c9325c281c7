package dev.crabbox.agent.testing;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;

/** HTTP/1.1 clients that reach origins through the lease proxy on loopback, as a browser would. */
public final class ProxiedHttp {

  private ProxiedHttp() {}

  /** A client using the lease proxy at {@code 127.0.0.1:proxyPort}. */
  public static HttpClient client(int proxyPort) {
    return builder(proxyPort).build();
  }

  /** A client using the lease proxy that trusts exactly the PEM certificate at {@code pemPath}. */
  public static HttpClient trusting(int proxyPort, String pemPath) throws Exception {
    return builder(proxyPort).sslContext(TlsTrust.trusting(pemPath)).build();
  }

  private static HttpClient.Builder builder(int proxyPort) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort)));
  }
}
