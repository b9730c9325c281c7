package dev.crabbox.cli.egress;

import dev.crabbox.agent.BridgeListener;
import dev.crabbox.agent.BridgeSession;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;

/**
 * Prints a bridge's life cycle for the operator: the connected banner on stdout at every
 * (re)connect, and each drop with its retry delay on stderr. The fatal end is reported once, by
 * the error handler, from {@link BridgeFatalException}.
 */
final class BridgeEvents implements BridgeListener {
  private final String role;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Function<BridgeSession, String> banner;

  BridgeEvents(String role, PrintWriter out, PrintWriter err, Function<BridgeSession, String> banner) {
    this.role = role;
    this.out = out;
    this.err = err;
    this.banner = banner;
  }

  @Override
  public void onConnected(BridgeSession session) {
    out.println(banner.apply(session));
    out.flush();
  }

  @Override
  public void onDisconnected(String reason, Duration retryIn) {
    err.printf("egress %s: disconnected: %s; reconnecting in %d ms%n", role, reason, retryIn.toMillis());
    err.flush();
  }
}
