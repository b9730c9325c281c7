package dev.crabbox.coordinator.provider.local;

import dev.crabbox.protocol.ssh.SshPublicKeys;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded SSH server on 127.0.0.1 that lets one user with one public key run commands in one
 * working directory: exec requests run {@code /bin/sh -c <command>}, shell requests an interactive
 * {@code /bin/sh -i}, both with HOME and the working directory set to that directory and the
 * client's {@code env} variables passed through.
 *
 * <p>Nothing else: no password or keyboard-interactive login, no port, X11 or agent forwarding,
 * no SFTP or other subsystems. The server runs on the coordinator's machine, and a tunnel would
 * let a lease holder reach that machine's loopback services (the coordinator's own ports, its
 * database, whatever else listens there) from their own machine as if they sat at it.
 *
 * <p>Starting and stopping bind and close sockets and wait for MINA's threads: call them off any
 * Vert.x event loop.
 */
public final class SandboxSshServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxSshServer.class);

  private final SshServer server;
  private final CloseableExecutorService commandThreads;
  private final String hostKeyFingerprint;

  private SandboxSshServer(SshServer server, CloseableExecutorService commandThreads,
      String hostKeyFingerprint) {
    this.server = server;
    this.commandThreads = commandThreads;
    this.hostKeyFingerprint = hostKeyFingerprint;
  }

  /**
   * Starts a server.
   *
   * @param hostKey the server's host key pair (clients pin its fingerprint)
   * @param user the only user name accepted
   * @param authorizedKey the only public key accepted, as an OpenSSH line
   * @param workDir HOME and working directory of every command; must exist
   * @param preferredPort the port to bind when it is free (to keep a lease's address across a
   *     restart), else 0 for any free port
   * @throws IllegalArgumentException when {@code authorizedKey} is not an OpenSSH public key line
   * @throws IOException when no port can be bound
   */
  public static SandboxSshServer start(KeyPair hostKey, String user, String authorizedKey,
      Path workDir, int preferredPort) throws IOException {
    Objects.requireNonNull(hostKey, "hostKey");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(workDir, "workDir");
    byte[] authorizedBlob = SshPublicKeys.blob(authorizedKey);
    if (preferredPort != 0) {
      try {
        return startOn(hostKey, user, authorizedBlob, workDir, preferredPort);
      } catch (BindException e) {
        LOG.debug("port {} is taken, binding another one", preferredPort);
      }
    }
    return startOn(hostKey, user, authorizedBlob, workDir, 0);
  }

  private static SandboxSshServer startOn(KeyPair hostKey, String user, byte[] authorizedBlob,
      Path workDir, int port) throws IOException {
    CloseableExecutorService commandThreads = ThreadUtils.newCachedThreadPool("crabbox-sandbox-command");
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(port);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setGSSAuthenticator(null);
    server.setHostBasedAuthenticator(null);
    server.setPublickeyAuthenticator((name, key, session) ->
        user.equals(name) && MessageDigest.isEqual(authorizedBlob, blob(key)));
    // Session channels only: no direct-tcpip or forwarded-tcpip channels, no agent, no X11.
    server.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
    server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    server.setAgentFactory(null);
    server.setSubsystemFactories(List.of());
    server.setCommandFactory((channel, command) ->
        new SandboxCommand(List.of("/bin/sh", "-c", command), workDir, commandThreads));
    server.setShellFactory(channel ->
        new SandboxCommand(List.of("/bin/sh", "-i"), workDir, commandThreads));
    // Like OpenSSH: a long silent build must not be cut off by an idle timer.
    CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ZERO);
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      commandThreads.shutdownNow();
      server.close(true);
      throw e;
    }
    String fingerprint = SshPublicKeys.fingerprint(PublicKeyEntry.toString(hostKey.getPublic()));
    return new SandboxSshServer(server, commandThreads, fingerprint);
  }

  private static byte[] blob(PublicKey key) {
    ByteArrayBuffer buffer = new ByteArrayBuffer();
    buffer.putRawPublicKey(key);
    return buffer.getCompactData();
  }

  /** Always 127.0.0.1. */
  public String host() {
    return "127.0.0.1";
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /** The host key's {@code SHA256:} fingerprint, as clients pin it. */
  public String hostKeyFingerprint() {
    return hostKeyFingerprint;
  }

  /** Stops listening, closes every session and kills the commands still running. */
  @Override
  public void close() throws IOException {
    try {
      server.stop(true);
    } finally {
      commandThreads.shutdownNow();
    }
  }
}
