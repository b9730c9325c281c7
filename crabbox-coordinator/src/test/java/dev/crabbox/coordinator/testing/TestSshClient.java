package dev.crabbox.coordinator.testing;

import dev.crabbox.protocol.api.LeaseMachine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * MINA's SSH client for tests. It trusts a server only when the server's key has the pinned
 * fingerprint, computed by MINA itself (not by the code under test).
 */
public final class TestSshClient implements AutoCloseable {

  /** A safety bound for a stuck connection, not a timing expectation. */
  public static final Duration BOUND = Duration.ofSeconds(20);

  /** The fingerprint a connection expects, handed to the verifier with the connection. */
  private static final AttributeKey<String> PINNED = new AttributeKey<>();

  private final SshClient client;

  public TestSshClient() {
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier((session, address, key) ->
        KeyUtils.getFingerPrint(key).equals(session.getConnectionContext().getAttribute(PINNED)));
    client.start();
  }

  /** What a command printed and how it ended. */
  public record Result(int exitStatus, String stdout, String stderr) {}

  /**
   * Logs in to {@code ssh} (host key checked against {@code ssh.hostKey()}) with {@code key} and
   * returns the authenticated session.
   *
   * @throws IOException when the server is unreachable, its key differs or login is refused
   */
  public ClientSession login(LeaseMachine.Ssh ssh, KeyPair key) throws IOException {
    ClientSession session = client.connect(ssh.user(), ssh.host(), ssh.port(),
        AttributeRepository.ofKeyValuePair(PINNED, ssh.hostKey())).verify(BOUND).getSession();
    try {
      session.addPublicKeyIdentity(key);
      session.auth().verify(BOUND);
      return session;
    } catch (IOException | RuntimeException e) {
      session.close(true);
      throw e;
    }
  }

  /** Runs {@code command} with {@code env} sent as SSH {@code env} requests. */
  public Result exec(LeaseMachine.Ssh ssh, KeyPair key, String command, Map<String, String> env)
      throws IOException {
    try (ClientSession session = login(ssh, key);
        ChannelExec channel = session.createExecChannel(command, null, env)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      channel.setOut(out);
      channel.setErr(err);
      channel.open().verify(BOUND);
      channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), BOUND);
      Integer status = channel.getExitStatus();
      if (status == null) {
        throw new IOException("the server closed the channel without an exit status");
      }
      return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  public Result exec(LeaseMachine.Ssh ssh, KeyPair key, String command) throws IOException {
    return exec(ssh, key, command, Map.of());
  }

  @Override
  public void close() {
    client.stop();
  }
}
