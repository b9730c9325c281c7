package dev.crabbox.cli.ssh;

import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import net.schmizz.sshj.common.Buffer;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * A real SSH server (Apache MINA SSHD) on a loopback port for tests: an ECDSA host key made for
 * the test, the given authorized key, commands run by {@code /bin/sh -c} in {@code workDir}, and
 * TCP forwarding allowed (the VNC probe opens a forwarded channel).
 */
public final class LoopbackSshServer implements AutoCloseable {
  private final SshServer server;
  private final String hostKeyFingerprint;

  public LoopbackSshServer(Path workDir, String authorizedKeyLine) throws IOException, GeneralSecurityException {
    this(workDir, authorizedKeyLine, "");
  }

  /**
   * @param profile shell text run before every command, like a login profile (test PATH, env)
   */
  public LoopbackSshServer(Path workDir, String authorizedKeyLine, String profile)
      throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair hostKey = generator.generateKeyPair();
    hostKeyFingerprint = SshPublicKeys.fingerprint(
        new Buffer.PlainBuffer().putPublicKey(hostKey.getPublic()).getCompactData());
    Path authorized = Files.createTempFile(workDir, "authorized_keys", "");
    Files.writeString(authorized, authorizedKeyLine + "\n", StandardCharsets.US_ASCII);
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorized));
    server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
    server.setCommandFactory((channel, command) -> {
      // MINA runs the raw command text through /bin/sh -c on Unix; the profile goes in front.
      String script = profile + command;
      ProcessShellFactory shell = new ProcessShellFactory(script, "/bin/sh", "-c", script);
      return shell.createShell(channel);
    });
    server.setShellFactory(new ProcessShellFactory("/bin/sh", "/bin/sh"));
    server.start();
  }

  public int port() {
    return server.getPort();
  }

  public String hostKeyFingerprint() {
    return hostKeyFingerprint;
  }

  /** How a lease record would describe this server, with {@code pinned} as its host key. */
  public LeaseMachine.Ssh ssh(String pinned) {
    return new LeaseMachine.Ssh("127.0.0.1", port(), System.getProperty("user.name"), pinned);
  }

  public LeaseMachine.Ssh ssh() {
    return ssh(hostKeyFingerprint);
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
