package dev.crabbox.cli.bench;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.cli.demo.LocalEgressRig;
import dev.crabbox.cli.options.WireConverter;
import dev.crabbox.cli.runtime.Blocking;
import dev.crabbox.coordinator.store.PostgresUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox bench egress}: throughput through coordinator + host + lease proxy on loopback,
 * as a ratio of a direct TCP copy measured in the same run. A benchmark, not a test: it prints
 * numbers and never fails on them.
 */
@Command(name = "egress", mixinStandardHelpOptions = true,
    description = "Measure egress throughput (v2 and v1 bridge) against direct TCP on loopback.")
public final class BenchEgressCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--bulk", converter = ByteSize.class, defaultValue = "256MiB",
      description = "Bytes for the single-stream bulk download (default ${DEFAULT-VALUE}).")
  long bulkBytes;

  @Option(names = "--streams", defaultValue = "50",
      description = "Concurrent streams besides the stalled one (default ${DEFAULT-VALUE}).")
  int streams;

  @Option(names = "--stream-size", converter = ByteSize.class, defaultValue = "4MiB",
      description = "Bytes each concurrent stream downloads (default ${DEFAULT-VALUE}).")
  long streamBytes;

  @Option(names = "--rounds", defaultValue = "3",
      description = "Measured rounds per scenario; the best is reported (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--modes", split = ",", defaultValue = "v2,v1", converter = WireConverter.class,
      description = "Bridge modes to measure besides direct TCP (default ${DEFAULT-VALUE}).")
  List<WireVersion> modes;

  @Option(names = "--cluster",
      description = "Measure a two-node coordinator cluster instead: agents on one node against "
          + "agents on different nodes (the cross-node relay); needs --pg-url.")
  boolean cluster;

  @Option(names = "--pg-url", paramLabel = "<url>",
      description = "PostgreSQL database the --cluster nodes share (postgresql://user:password@host:port/db).")
  String pgUrl;

  /** How long the concurrent scenario may take before it counts as blocked. */
  private static final long CONCURRENT_LIMIT_SECONDS = 60;

  /** One scenario's best throughput in one mode (NaN: blocked behind the stalled stream). */
  record Result(String mode, double bulkMBps, double concurrentMBps) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (streams < 1 || rounds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--streams and --rounds must be at least 1");
    }
    if (cluster) {
      return callCluster(out);
    }
    Vertx vertx = Vertx.vertx();
    NetClient net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    BenchOrigin origin = await(new BenchOrigin(vertx).start(), 60);
    BenchClient client = new BenchClient(net);
    out.printf("crabbox bench egress: bulk %s, %d streams x %s + 1 stalled, %d rounds (best), loopback, one JVM, %d cores%n",
        ByteSize.format(bulkBytes), streams, ByteSize.format(streamBytes), rounds,
        Runtime.getRuntime().availableProcessors());
    out.flush();
    List<Result> results = new ArrayList<>();
    try {
      results.add(measure("direct", client, BenchClient.Route.direct(origin.port()), BenchClient.Route.direct(origin.port())));
      TcpRelayChain chain = new TcpRelayChain(vertx, net);
      BenchClient.Route chained = BenchClient.Route.direct(await(chain.start(origin.port()), 30));
      try {
        results.add(measure("tcp-4leg", client, chained, chained));
      } finally {
        await(chain.stop(), 30);
      }
      for (WireVersion mode : modes) {
        Path dataDir = Files.createTempDirectory("crabbox-bench-");
        LocalEgressRig rig = await(LocalEgressRig.start(vertx, dataDir, LocalEgressRig.Settings.loopback(mode)), 60);
        try {
          BenchClient.Route route = BenchClient.Route.viaProxy(origin.port(), rig.proxyPort());
          results.add(measure(mode.name().toLowerCase(), client, route, route));
        } finally {
          await(rig.stop(), 60);
          Blocking.deleteTree(dataDir);
        }
      }
    } finally {
      await(net.close(), 10);
      await(origin.stop(), 10);
      await(vertx.close(), 30);
    }
    print(out, results);
    return 0;
  }

  /**
   * Two clustered nodes: the host agent always on node A (so A owns the session), the lease
   * proxy on A (single node) or on B (relayed to A); prints both and their ratio.
   */
  private Integer callCluster(PrintWriter out) throws Exception {
    if (pgUrl == null || pgUrl.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--cluster needs --pg-url postgresql://user:password@host:port/database");
    }
    PostgresUrl database;
    try {
      database = PostgresUrl.parse(pgUrl);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pg-url: " + e.getMessage());
    }
    Path dataDir = Files.createTempDirectory("crabbox-bench-cluster-");
    ClusterBenchNodes nodes = ClusterBenchNodes.start(dataDir, database);
    Vertx vertx = Vertx.vertx();
    NetClient net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    BenchOrigin origin = await(new BenchOrigin(vertx).start(), 60);
    BenchClient client = new BenchClient(net);
    out.printf("crabbox bench egress --cluster: 2 nodes in one JVM, bulk %s, %d streams x %s + 1 stalled, "
        + "%d rounds (best), v2, loopback, %d cores%n", ByteSize.format(bulkBytes), streams,
        ByteSize.format(streamBytes), rounds, Runtime.getRuntime().availableProcessors());
    out.flush();
    List<Result> results = new ArrayList<>();
    double[] transports;
    try {
      transports = measureTransports(nodes);
      for (int clientNode = 0; clientNode < 2; clientNode++) {
        LocalEgressRig rig = await(LocalEgressRig.onNodes(vertx, nodes.node(0), nodes.node(clientNode),
            nodes.adminToken(), LocalEgressRig.Settings.loopback(WireVersion.V2)), 60);
        try {
          BenchClient.Route route = BenchClient.Route.viaProxy(origin.port(), rig.proxyPort());
          results.add(measure(clientNode == 0 ? "1-node" : "2-node", client, route, route));
        } finally {
          await(rig.stop(), 60);
        }
      }
    } finally {
      await(net.close(), 10);
      await(origin.stop(), 10);
      await(vertx.close(), 30);
      await(nodes.stop(), 60);
      Blocking.deleteTree(dataDir);
    }
    Result single = results.get(0);
    Result cross = results.get(1);
    out.printf("%-9s %10s %16s%n", "mode", "bulk MB/s", "concurrent MB/s");
    results.forEach(r -> out.printf("%-9s %10s %16s%n", r.mode(), figure(r.bulkMBps()),
        figure(r.concurrentMBps())));
    out.printf("cross-node / single-node: bulk %s, concurrent %s%n",
        ratio(cross.bulkMBps(), single.bulkMBps()), ratio(cross.concurrentMBps(), single.concurrentMBps()));
    out.printf("relay transport B->A, one sender, 64 KiB messages: node-to-node WebSocket %s MB/s, "
        + "clustered event bus with credits %s MB/s%n", figure(transports[0]), figure(transports[1]));
    out.printf("2-node: the lease proxy's socket lands on node B and is relayed over a node-to-node "
        + "WebSocket to node A, which owns the session.%n");
    out.flush();
    return 0;
  }

  /** Best of {@code rounds} for each relay transport between the nodes: {WebSocket, event bus}. */
  private double[] measureTransports(ClusterBenchNodes nodes) throws Exception {
    double webSocket = 0;
    double eventBus = 0;
    for (int round = 0; round <= rounds; round++) { // round 0 warms up
      long ws = await(RelayTransports.webSocket(nodes.vertx(0), nodes.vertx(1), bulkBytes), 600);
      long bus = await(RelayTransports.eventBus(nodes.vertx(0), nodes.vertx(1), bulkBytes), 600);
      if (round > 0) {
        webSocket = Math.max(webSocket, mbps(bulkBytes, ws));
        eventBus = Math.max(eventBus, mbps(bulkBytes, bus));
      }
    }
    spec.commandLine().getErr().printf("bench: relay transports done%n");
    return new double[] {webSocket, eventBus};
  }

  private Result measure(String mode, BenchClient client, BenchClient.Route bulkRoute, BenchClient.Route route)
      throws Exception {
    // Warm-up: let the JIT compile the paths before timing them.
    await(client.download(bulkRoute, Math.min(bulkBytes, 128L << 20)), 300);
    double bestBulk = 0;
    double bestConcurrent = Double.NaN;
    for (int round = 0; round < rounds; round++) {
      long nanos = await(client.download(bulkRoute, bulkBytes), 600);
      bestBulk = Math.max(bestBulk, mbps(bulkBytes, nanos));
      double concurrent = concurrent(client, route);
      if (!Double.isNaN(concurrent)) {
        bestConcurrent = Double.isNaN(bestConcurrent) ? concurrent : Math.max(bestConcurrent, concurrent);
      }
    }
    spec.commandLine().getErr().printf("bench: %s done%n", mode);
    spec.commandLine().getErr().flush();
    return new Result(mode, bestBulk, bestConcurrent);
  }

  /** {@code streams} downloads at once while one more stream's reader is stalled throughout. */
  private double concurrent(BenchClient client, BenchClient.Route route) throws Exception {
    NetSocket stalled = await(client.stall(route, 1L << 40), 60);
    try {
      long started = System.nanoTime();
      List<Future<Long>> downloads = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        downloads.add(client.download(route, streamBytes));
      }
      try {
        await(Future.all(downloads), CONCURRENT_LIMIT_SECONDS);
      } catch (java.util.concurrent.TimeoutException blocked) {
        // v1 has no per-stream credit: the stalled reader can hold up the whole bridge.
        return Double.NaN;
      }
      return mbps(streamBytes * streams, System.nanoTime() - started);
    } finally {
      await(stalled.close(), 10);
    }
  }

  private void print(PrintWriter out, List<Result> results) {
    Result direct = results.get(0);
    Result chain = results.get(1);
    out.printf("%-9s %10s %9s %9s   %16s %9s %9s%n", "mode", "bulk MB/s", "/direct", "/tcp-4leg",
        "concurrent MB/s", "/direct", "/tcp-4leg");
    for (Result r : results) {
      out.printf("%-9s %10s %9s %9s   %16s %9s %9s%n", r.mode(),
          figure(r.bulkMBps()), ratio(r.bulkMBps(), direct.bulkMBps()), ratio(r.bulkMBps(), chain.bulkMBps()),
          figure(r.concurrentMBps()), ratio(r.concurrentMBps(), direct.concurrentMBps()),
          ratio(r.concurrentMBps(), chain.concurrentMBps()));
    }
    Result v2 = find(results, "v2");
    Result v1 = find(results, "v1");
    if (v2 != null && v1 != null) {
      out.printf("v2/v1: bulk %s, concurrent %s%n", times(v2.bulkMBps(), v1.bulkMBps()),
          Double.isNaN(v1.concurrentMBps()) ? "v1 blocked by the stalled stream (no per-stream flow control)"
              : times(v2.concurrentMBps(), v1.concurrentMBps()));
    }
    out.printf("tcp-4leg: the same four TCP connections as the egress path, bare relays with no framing.%n");
    out.flush();
  }

  private static String figure(double mbps) {
    return Double.isNaN(mbps) ? "blocked" : String.format("%.1f", mbps);
  }

  private static String ratio(double value, double base) {
    return Double.isNaN(value) || Double.isNaN(base) ? "-" : String.format("%.2f", value / base);
  }

  private static String times(double value, double base) {
    return String.format("%.2fx", value / base);
  }

  private static Result find(List<Result> results, String mode) {
    return results.stream().filter(r -> r.mode().equals(mode)).findFirst().orElse(null);
  }

  private static double mbps(long bytes, long nanos) {
    return bytes / 1e6 / (nanos / 1e9);
  }

  private static <T> T await(Future<T> future, long seconds) throws Exception {
    return Blocking.await(future, seconds, "a benchmark step");
  }
}
