package dev.crabbox.coordinator.provider.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.shell.TtyFilterInputStream;
import org.apache.sshd.server.shell.TtyFilterOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH exec or shell request run as a process in a working directory: the channel's stdin goes
 * to the process, its stdout and stderr come back on the channel's two streams, its exit status
 * is the channel's, and closing the channel kills it (with everything it started).
 *
 * <p>The copying blocks, so it runs on the server's own command threads, never on a Vert.x event
 * loop or a MINA I/O thread.
 */
final class SandboxCommand implements Command {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxCommand.class);
  private static final int BUFFER = 32 * 1024;

  private final List<String> argv;
  private final Path workDir;
  private final ExecutorService threads;
  private InputStream channelIn;
  private OutputStream channelOut;
  private OutputStream channelErr;
  private ExitCallback exitCallback;
  private volatile Process process;
  private volatile boolean destroyed;

  SandboxCommand(List<String> argv, Path workDir, ExecutorService threads) {
    this.argv = List.copyOf(argv);
    this.workDir = workDir;
    this.threads = threads;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.channelIn = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.channelOut = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.channelErr = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exitCallback = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment(env.getEnv()));
    Process started = builder.start();
    process = started;
    // With a pty the client's terminal is raw: translate line endings like a tty would.
    Map<PtyMode, Integer> pty = env.getPtyModes();
    boolean tty = pty != null && !pty.isEmpty();
    InputStream stdout = tty ? new TtyFilterInputStream(started.getInputStream(), pty) : started.getInputStream();
    InputStream stderr = tty ? new TtyFilterInputStream(started.getErrorStream(), pty) : started.getErrorStream();
    OutputStream stdin = tty ? new TtyFilterOutputStream(started.getOutputStream(), pty) : started.getOutputStream();

    CompletableFuture<Void> out = CompletableFuture.runAsync(() -> pump(stdout, channelOut), threads);
    CompletableFuture<Void> err = CompletableFuture.runAsync(() -> pump(stderr, channelErr), threads);
    threads.execute(() -> feed(channelIn, stdin));
    // The exit status goes out only after all output: a client reads both streams to EOF first.
    CompletableFuture.allOf(out, err).thenCombine(started.onExit(), (done, exited) -> exited.exitValue())
        .whenCompleteAsync((status, failure) -> exit(status == null ? 255 : status), threads);
  }

  /**
   * The process environment: the sandbox's HOME and PWD, a PATH, the user, and what the client
   * sent with {@code env} requests. Nothing of the coordinator's own environment beyond PATH: it
   * holds provider credentials a lease must never see.
   */
  private Map<String, String> environment(Map<String, String> fromClient) {
    Map<String, String> vars = new LinkedHashMap<>();
    String path = System.getenv("PATH");
    vars.put("PATH", path == null || path.isBlank() ? "/usr/local/bin:/usr/bin:/bin" : path);
    vars.put("SHELL", "/bin/sh");
    vars.putAll(fromClient);
    String user = fromClient.get(Environment.ENV_USER);
    if (user != null) {
      vars.put("LOGNAME", user);
    }
    vars.put("HOME", workDir.toString());
    vars.put("PWD", workDir.toString());
    return vars;
  }

  private void pump(InputStream from, OutputStream to) {
    byte[] buffer = new byte[BUFFER];
    try (from) {
      int n;
      while ((n = from.read(buffer)) >= 0) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      if (!destroyed) {
        LOG.debug("copying command output stopped: {}", e.toString());
      }
    }
  }

  /** Client input to the process until the client sends EOF (or the channel closes). */
  private void feed(InputStream from, OutputStream to) {
    byte[] buffer = new byte[BUFFER];
    try (to) {
      int n;
      while ((n = from.read(buffer)) >= 0) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      // The process exited (broken pipe) or the channel closed: nothing more to deliver.
      LOG.trace("command input closed: {}", e.toString());
    }
  }

  private void exit(int status) {
    if (destroyed) {
      return;
    }
    exitCallback.onExit(status);
  }

  @Override
  public void destroy(ChannelSession channel) {
    destroyed = true;
    Process running = process;
    if (running != null && running.isAlive()) {
      running.descendants().forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
    }
  }
}
