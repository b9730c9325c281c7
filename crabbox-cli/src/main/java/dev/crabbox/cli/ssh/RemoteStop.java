package dev.crabbox.cli.ssh;

import java.io.IOException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets another thread (Ctrl-C, a shutdown) stop a command that {@link LeaseShell#exec} is running:
 * the command gets SIGINT where the server passes signals on, and its channel is closed, which
 * ends it on servers that do not.
 */
public final class RemoteStop {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteStop.class);

  private Session.Command running;
  private boolean requested;

  /** Stops the command now, or as soon as it starts. */
  public void request() {
    Session.Command command;
    synchronized (this) {
      requested = true;
      command = running;
    }
    if (command != null) {
      stop(command);
    }
  }

  /** Whether a stop was requested. */
  public synchronized boolean requested() {
    return requested;
  }

  void attach(Session.Command command) {
    boolean stopNow;
    synchronized (this) {
      running = command;
      stopNow = requested;
    }
    if (stopNow) {
      stop(command);
    }
  }

  private static void stop(Session.Command command) {
    try {
      command.signal(Signal.INT);
    } catch (IOException e) {
      LOG.debug("the server did not take the interrupt signal", e);
    }
    try {
      command.close();
    } catch (IOException e) {
      LOG.debug("closing the stopped command's channel failed", e);
    }
  }
}
