package dev.crabbox.agent;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Trust settings for https/wss coordinators: the JVM's default trust store, or a private CA given
 * as a PEM file ({@code --ca}). There is deliberately no trust-all mode.
 */
public final class ClientTls {

  private static final ClientTls SYSTEM = new ClientTls(null);

  private final Path caPem;

  private ClientTls(Path caPem) {
    this.caPem = caPem;
  }

  /** Trust the JVM's default CAs only. */
  public static ClientTls system() {
    return SYSTEM;
  }

  /** Trust the CA certificates in a PEM file (in addition to nothing else). */
  public static ClientTls caFile(Path caPem) {
    return new ClientTls(Objects.requireNonNull(caPem, "caPem"));
  }

  /** The CA PEM file, when one was given. */
  public Optional<Path> caPem() {
    return Optional.ofNullable(caPem);
  }

  /** Applies the trust settings; host name verification stays on. */
  public HttpClientOptions apply(HttpClientOptions options) {
    if (caPem != null) {
      options.setTrustOptions(trust());
    }
    return options.setVerifyHost(true);
  }

  /** Applies the trust settings; host name verification stays on. */
  public WebSocketClientOptions apply(WebSocketClientOptions options) {
    if (caPem != null) {
      options.setTrustOptions(trust());
    }
    return options.setVerifyHost(true);
  }

  private PemTrustOptions trust() {
    return new PemTrustOptions().addCertPath(caPem.toString());
  }

  @Override
  public String toString() {
    return caPem == null ? "ClientTls[system]" : "ClientTls[ca=" + caPem + "]";
  }
}
