package dev.crabbox.cli.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the CLI's logging to debug for {@code --verbose}. The packaged logback.xml logs WARN
 * and above to stderr only; stdout stays reserved for command output (tokens, status lines).
 */
public final class Logging {
  private Logging() {
  }

  /** Debug for crabbox's own loggers, info for libraries (Netty's debug output is noise here). */
  public static void enableVerbose() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
      context.getLogger("dev.crabbox").setLevel(Level.DEBUG);
      // logback.xml silences the bridge's own lines (the CLI prints those events); show them here.
      context.getLogger("dev.crabbox.agent.bridge.BridgeConnection").setLevel(Level.DEBUG);
    }
  }
}
