package dev.crabbox.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The slim agent's {@code bridge vnc|code} command line. */
class BridgeCommandLineTest {

  @Test
  void parsesTheLeaseBridgeCommand() throws Exception {
    AgentCommandLine.BridgeCommand command = AgentCommandLine.parseBridge(new String[] {"bridge", "code",
        "--coordinator", "https://crabbox.example", "--lease=blue-lobster", "--ticket", "egress_secret"});
    assertEquals(LeaseBridgeKind.CODE, command.kind());
    assertEquals(URI.create("https://crabbox.example"), command.coordinator());
    assertEquals("blue-lobster", command.lease());
    assertEquals("egress_secret", command.ticket());
    assertFalse(command.toString().contains("egress_secret"), "the ticket stays out of toString");
  }

  @Test
  void refusesAnythingButVncOrCodeAndTheEgressOnlyOptions() {
    assertTrue(AgentCommandLine.isBridge(new String[] {"bridge", "ssh"}));
    assertEquals("expected the command \"bridge vnc\" or \"bridge code\"", assertThrows(
        AgentCommandLine.UsageException.class, () -> AgentCommandLine.parseBridge(new String[] {"bridge", "ssh",
            "--coordinator", "http://x", "--lease", "l", "--ticket", "t"})).getMessage());
    assertEquals("unknown option or argument: --listen", assertThrows(AgentCommandLine.UsageException.class,
        () -> AgentCommandLine.parseBridge(new String[] {"bridge", "vnc", "--coordinator", "http://x",
            "--lease", "l", "--ticket", "t", "--listen", "127.0.0.1:5900"})).getMessage());
    assertEquals("--v1 is not available for lease bridges", assertThrows(AgentCommandLine.UsageException.class,
        () -> AgentCommandLine.parseBridge(new String[] {"bridge", "vnc", "--coordinator", "http://x",
            "--lease", "l", "--ticket", "t", "--v1"})).getMessage());
    assertEquals("--lease is required", assertThrows(AgentCommandLine.UsageException.class,
        () -> AgentCommandLine.parseBridge(new String[] {"bridge", "vnc", "--coordinator", "http://x",
            "--ticket", "t"})).getMessage());
  }
}
