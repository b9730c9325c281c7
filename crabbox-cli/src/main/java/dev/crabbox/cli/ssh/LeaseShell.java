package dev.crabbox.cli.ssh;

import dev.crabbox.protocol.api.LeaseMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.SessionChannel;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated SSH connection to a lease (SSHJ). Several commands may run on it at once,
 * each on its own channel (a run's command and its telemetry samples). Every method blocks.
 */
public final class LeaseShell implements AutoCloseable {
  /** What a command that ended without an exit status (killed by a signal) exits with, as ssh does. */
  public static final int NO_EXIT_STATUS = 255;

  private static final Logger LOG = LoggerFactory.getLogger(LeaseShell.class);
  private static final int KEEPALIVE_SECONDS = 15;
  private static final int CHUNK = 8192;

  private final SSHClient client;
  private final String endpoint;

  private LeaseShell(SSHClient client, String endpoint) {
    this.client = client;
    this.endpoint = endpoint;
  }

  /**
   * Connects to {@code ssh.host:ssh.port}, accepts only the pinned host key and authenticates
   * {@code ssh.user} with the operator key.
   *
   * @throws HostKeyMismatchException when the server presents another host key
   * @throws SshUnavailableException when the server cannot be reached or refuses the key
   */
  public static LeaseShell connect(LeaseMachine.Ssh ssh, OperatorKey key, Duration connectTimeout) {
    String endpoint = ssh.user() + "@" + ssh.host() + ":" + ssh.port();
    PinnedHostKey pinned = new PinnedHostKey(ssh.hostKey());
    SSHClient client = new SSHClient();
    client.addHostKeyVerifier(pinned);
    client.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    try {
      client.connect(ssh.host(), ssh.port());
      client.getConnection().getKeepAlive().setKeepAliveInterval(KEEPALIVE_SECONDS);
      client.authPublickey(ssh.user(), client.loadKeys(key.privateKey().toString()));
      return new LeaseShell(client, endpoint);
    } catch (UserAuthException e) {
      closeQuietly(client);
      throw new SshUnavailableException("the SSH server at " + endpoint + " does not accept the operator key "
          + key.privateKey() + " (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      closeQuietly(client);
      String refused = pinned.refused();
      if (refused != null) {
        throw new HostKeyMismatchException(endpoint, ssh.hostKey(), refused);
      }
      throw new SshUnavailableException("cannot reach the lease over SSH at " + endpoint + ": "
          + describe(e), e);
    }
  }

  /** {@code user@host:port}, for messages. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Runs {@code command} (a shell command line) with no input, handing its output to the sinks
   * as it arrives, and returns its exit status.
   */
  public int exec(String command, OutputSink out, OutputSink err) throws IOException {
    return exec(command, out, err, new RemoteStop());
  }

  /**
   * Like {@link #exec(String, OutputSink, OutputSink)}, stoppable through {@code stop}; a stopped
   * command answers {@link #NO_EXIT_STATUS} unless it still reported its own status.
   */
  public int exec(String command, OutputSink out, OutputSink err, RemoteStop stop) throws IOException {
    try (Session session = client.startSession()) {
      Session.Command running = session.exec(command);
      running.getOutputStream().close();
      stop.attach(running);
      AtomicReference<RuntimeException> stderrFailure = new AtomicReference<>();
      Thread errors = new Thread(() -> {
        try {
          pump(running.getErrorStream(), err);
        } catch (RuntimeException e) {
          stderrFailure.set(e);
        }
      }, "crabbox-ssh-stderr");
      errors.setDaemon(true);
      errors.start();
      try {
        pump(running.getInputStream(), out);
        join(errors);
        if (stderrFailure.get() != null) {
          throw stderrFailure.get();
        }
        running.join();
      } catch (IOException | RuntimeException e) {
        // A stopped command's streams end abruptly: that is the stop, not a failure.
        if (!stop.requested()) {
          throw e;
        }
      }
      Integer status = running.getExitStatus();
      return status == null ? NO_EXIT_STATUS : status;
    }
  }

  /**
   * Runs {@code command} with {@code input} as its standard input (closed at its end), for
   * uploads through {@code cat > file}: no SFTP or scp is needed on the lease. Returns the
   * exit status and what the command printed.
   */
  public Captured feed(String command, InputStream input) throws IOException {
    try (Session session = client.startSession()) {
      Session.Command running = session.exec(command);
      try (OutputStream stdin = running.getOutputStream()) {
        input.transferTo(stdin);
      }
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      Thread errors = new Thread(() -> pump(running.getErrorStream(), err::append), "crabbox-ssh-stderr");
      errors.setDaemon(true);
      errors.start();
      pump(running.getInputStream(), out::append);
      join(errors);
      running.join();
      Integer status = running.getExitStatus();
      return new Captured(status == null ? NO_EXIT_STATUS : status, out.toString(), err.toString());
    }
  }

  /**
   * Forwards every connection accepted on {@code local} to {@code host:port} as seen from the
   * lease (an SSH local forward, {@code ssh -L}). Blocks until the calling thread is interrupted
   * and {@code local} closed (SSHJ keeps accepting until both), or the connection fails.
   */
  public void forwardLocal(ServerSocket local, String host, int port) throws IOException {
    Parameters parameters = new Parameters(local.getInetAddress().getHostAddress(), local.getLocalPort(),
        host, port);
    client.newLocalPortForwarder(parameters, local).listen();
  }

  /** Runs {@code command} and collects its output; for probes and small reads. */
  public Captured capture(String command) throws IOException {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int status = exec(command, out::append, err::append);
    return new Captured(status, out.toString(), err.toString());
  }

  /** What {@link #probePort} learned about a port on the lease's loopback. */
  public enum PortCheck {
    /** A forwarded channel to it opened: something listens. */
    OPEN,
    /** The server tried and nothing answered. */
    CLOSED,
    /** The server allows no forwarded channels, so this way cannot tell. */
    NOT_FORWARDED
  }

  /**
   * Whether something accepts TCP connections on {@code host:port} as seen from the lease, tested
   * by opening (and closing) a forwarded channel there.
   */
  public PortCheck probePort(String host, int port) throws IOException {
    try (DirectConnection channel = client.newDirectConnection(host, port)) {
      LOG.debug("{}:{} on {} accepts connections (channel {})", host, port, endpoint, channel.getID());
      return PortCheck.OPEN;
    } catch (OpenFailException e) {
      OpenFailException.Reason reason = e.getReason();
      return reason == OpenFailException.Reason.ADMINISTRATIVELY_PROHIBITED
          || reason == OpenFailException.Reason.UNKNOWN_CHANNEL_TYPE ? PortCheck.NOT_FORWARDED : PortCheck.CLOSED;
    }
  }

  /**
   * A terminal for an interactive session.
   *
   * @param type the {@code TERM} name, e.g. {@code xterm-256color}
   * @param columns width in characters
   * @param rows height in lines
   */
  public record Pty(String type, int columns, int rows) {
  }

  /**
   * An interactive session: a login shell (with a terminal when {@code pty} is not null), fed
   * from {@code in} until the remote side ends. Returns the shell's exit status.
   */
  public int interactive(InputStream in, OutputStream out, OutputStream err, Pty pty) throws IOException {
    try (Session session = client.startSession()) {
      if (pty != null) {
        session.allocatePTY(pty.type(), pty.columns(), pty.rows(), 0, 0, Map.of());
      }
      Session.Shell shell = session.startShell();
      Thread input = new Thread(() -> forward(in, shell.getOutputStream()), "crabbox-ssh-stdin");
      input.setDaemon(true);
      input.start();
      Thread errors = new Thread(() -> forward(shell.getErrorStream(), err), "crabbox-ssh-stderr");
      errors.setDaemon(true);
      errors.start();
      forward(shell.getInputStream(), out);
      join(errors);
      shell.join();
      Integer status = ((SessionChannel) session).getExitStatus();
      return status == null ? NO_EXIT_STATUS : status;
    }
  }

  @Override
  public void close() {
    closeQuietly(client);
  }

  /** A finished command's exit status and output. */
  public record Captured(int exitCode, String out, String err) {
  }

  private static void pump(InputStream stream, OutputSink sink) {
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      char[] buffer = new char[CHUNK];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        if (n > 0) {
          sink.write(new String(buffer, 0, n));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void forward(InputStream from, OutputStream to) {
    byte[] buffer = new byte[CHUNK];
    try {
      for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      LOG.debug("interactive stream ended", e);
    }
  }

  private static void join(Thread thread) throws IOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the command's output", e);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(SSHClient client) {
    try {
      client.close();
    } catch (IOException e) {
      LOG.debug("closing the SSH connection failed", e);
    }
  }
}
