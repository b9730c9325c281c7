package dev.crabbox.agent;

import dev.crabbox.agent.lease.LeaseBridgeOptions;
import dev.crabbox.agent.lease.LeaseBridgeVerticle;
import dev.crabbox.agent.proxy.LeaseProxyOptions;
import dev.crabbox.agent.proxy.LeaseProxyVerticle;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Main class of the slim agent jar copied onto leases: runs {@code egress client} or the lease
 * bridge agent ({@code bridge vnc|code}) until the bridge fails for good (exit 4) or the process
 * is stopped. Prints {@code egress client: connected lease=… session=… listen=…} (or
 * {@code lease bridge vnc: connected lease=… target=…}) on stdout at every (re)connect.
 */
public final class AgentMain {

  public static final int EXIT_OK = 0;
  public static final int EXIT_CANNOT_START = 1;
  public static final int EXIT_USAGE = 2;

  private static final long CLOSE_WAIT_SECONDS = 5;

  private final PrintStream out;
  private final PrintStream err;
  /** Counted down once Vert.x is closed, so a shutdown hook can wait for a clean stop. */
  private final CountDownLatch closed = new CountDownLatch(1);

  AgentMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // The slim jar carries no SLF4J provider; the user-facing lines below are its interface.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(new AgentMain(System.out, System.err).run(args, Vertx.vertx()));
  }

  /** Runs the command on {@code vertx} (closed before returning) and answers the exit code. */
  int run(String[] args, Vertx vertx) {
    try {
      if (AgentCommandLine.wantsHelp(args)) {
        out.println(AgentCommandLine.USAGE);
        return EXIT_OK;
      }
      try {
        if (AgentCommandLine.isBridge(args)) {
          return runBridge(AgentCommandLine.parseBridge(args), vertx);
        }
        return runClient(AgentCommandLine.parse(args), vertx);
      } catch (AgentCommandLine.UsageException e) {
        err.println("crabbox-agent: " + e.getMessage());
        err.println("run with --help for usage");
        return EXIT_USAGE;
      }
    } finally {
      closeQuietly(vertx);
      closed.countDown();
    }
  }

  private int runClient(AgentCommandLine.ClientCommand command, Vertx vertx) {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    // The banner names the bound port, which only the deployed verticle knows.
    AtomicReference<LeaseProxyVerticle> verticle = new AtomicReference<>();
    LeaseProxyOptions options = new LeaseProxyOptions()
        .setCoordinator(command.coordinator())
        .setLease(command.lease())
        .setSessionId(command.session())
        .setListen(command.listen())
        .setTicketSource(TicketSource.fixed(command.ticket()))
        .setWireVersion(command.v1() ? WireVersion.V1 : WireVersion.V2)
        .setClientTls(command.ca() == null ? ClientTls.system() : ClientTls.caFile(command.ca()))
        .setBridgeListener(new BridgeListener() {
          @Override
          public void onConnected(BridgeSession session) {
            out.printf("egress client: connected lease=%s session=%s listen=%s%n", session.leaseId(),
                session.sessionId(), verticle.get().listenText());
            out.flush();
          }

          @Override
          public void onDisconnected(String reason, Duration retryIn) {
            err.printf("egress client: disconnected (%s); reconnecting in %d ms%n", reason, retryIn.toMillis());
          }

          @Override
          public void onFatal(BridgeFailure failure) {
            err.println("egress client: " + failure.message());
            exit.complete(failure.exitCode());
          }
        });
    verticle.set(new LeaseProxyVerticle(options));
    return runUntilFatal(verticle.get(), "egress client", exit, vertx);
  }

  private int runBridge(AgentCommandLine.BridgeCommand command, Vertx vertx) {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    String label = "lease bridge " + command.kind().wire();
    LeaseBridgeOptions options = new LeaseBridgeOptions()
        .setKind(command.kind())
        .setCoordinator(command.coordinator())
        .setLease(command.lease())
        .setTicketSource(TicketSource.fixed(command.ticket()))
        .setClientTls(command.ca() == null ? ClientTls.system() : ClientTls.caFile(command.ca()))
        .setBridgeListener(new BridgeListener() {
          @Override
          public void onConnected(BridgeSession session) {
            out.printf("%s: connected lease=%s target=127.0.0.1:%d%n", label, session.leaseId(),
                command.kind().port());
            out.flush();
          }

          @Override
          public void onDisconnected(String reason, Duration retryIn) {
            err.printf("%s: disconnected (%s); reconnecting in %d ms%n", label, reason, retryIn.toMillis());
          }

          @Override
          public void onFatal(BridgeFailure failure) {
            err.println(label + ": " + failure.message());
            exit.complete(failure.exitCode());
          }
        });
    return runUntilFatal(new LeaseBridgeVerticle(options), label, exit, vertx);
  }

  /** Deploys {@code verticle} and waits for {@code exit}: a fatal bridge end, a failed start or a stop signal. */
  private int runUntilFatal(BridgeAgentVerticle<?> verticle, String label, CompletableFuture<Integer> exit,
      Vertx vertx) {
    // SIGTERM/Ctrl-C: let run() close Vert.x (sockets, bridge) before the JVM halts.
    Thread hook = new Thread(() -> {
      exit.complete(EXIT_OK);
      awaitClosed();
    }, "crabbox-agent-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    vertx.deployVerticle(verticle).onFailure(error -> {
      err.println(label + ": cannot start: " + error.getMessage());
      exit.complete(EXIT_CANNOT_START);
    });
    try {
      return exit.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_OK;
    } catch (ExecutionException e) {
      return EXIT_CANNOT_START;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running; it waits for the close below.
      }
    }
  }

  private void awaitClosed() {
    try {
      closed.await(CLOSE_WAIT_SECONDS + 1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Exiting anyway; a slow close must not keep the process alive.
    }
  }
}
