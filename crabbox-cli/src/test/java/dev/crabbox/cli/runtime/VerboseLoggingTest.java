package dev.crabbox.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.crabbox.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The packaged logback.xml logs WARN+ only; {@code -v} on any command turns on crabbox's debug. */
class VerboseLoggingTest {
  @TempDir
  Path home;

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void restorePackagedLevels() throws Exception {
    context.reset();
    new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
  }

  private Logger logger(String name) {
    return context.getLogger(name);
  }

  @Test
  void defaultIsWarnAndAboveOnly() {
    assertFalse(logger("dev.crabbox.cli").isInfoEnabled());
    assertTrue(logger("dev.crabbox.cli").isWarnEnabled());
  }

  @Test
  void verboseOnASubcommandEnablesDebug() {
    CliRunner.Result result = new CliRunner(home).run("coordinator", "token", "--help", "--verbose");

    assertEquals(0, result.exitCode());
    assertTrue(logger("dev.crabbox.cli").isDebugEnabled());
    assertTrue(logger("dev.crabbox.agent.bridge.BridgeConnection").isDebugEnabled());
    assertFalse(logger("io.netty").isDebugEnabled(), "libraries stay at info");
  }
}
