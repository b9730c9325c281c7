package dev.crabbox.coordinator.testing;

import dev.crabbox.coordinator.provider.local.SandboxSshServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An operator's static SSH host inside the test JVM: an embedded SSH server on 127.0.0.1 (any free
 * port) that lets {@link #USER} with one public key run commands in a working directory, exactly
 * as the local provider's lease servers do. Configure a static provider host from {@link #host()},
 * {@link #port()}, {@link #user()} and {@link #hostKeyFingerprint()}.
 */
public final class TestSshHost implements AutoCloseable {

  /** The login name; deliberately not the managed leases' {@code crabbox}. */
  public static final String USER = "operator";

  private final SandboxSshServer server;

  private TestSshHost(SandboxSshServer server) {
    this.server = server;
  }

  /**
   * @param authorizedKey the OpenSSH public key line allowed to log in
   * @param workDir HOME and working directory of every command; must exist
   */
  public static TestSshHost start(String authorizedKey, Path workDir) throws IOException {
    return new TestSshHost(
        SandboxSshServer.start(TestKeys.newKeyPair(), USER, authorizedKey, workDir, 0));
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  public String user() {
    return USER;
  }

  /** The {@code SHA256:} fingerprint of this host's key, for {@code hostKey} in static config. */
  public String hostKeyFingerprint() {
    return server.hostKeyFingerprint();
  }

  /** The coordinator's {@code providers} config with this host as the static host {@code name}. */
  public JsonObject staticProvidersConfig(String name) {
    return StaticHostsConfig.oneHost(name, host(), port(), user(), hostKeyFingerprint());
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
