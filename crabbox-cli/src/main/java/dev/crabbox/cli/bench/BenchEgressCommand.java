package dev.crabbox.cli.bench;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.cli.demo.LocalEgressRig;
import dev.crabbox.cli.options.WireConverter;
import dev.crabbox.cli.runtime.Blocking;
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

  /** One scenario's best throughput in one mode. */
  record Result(String mode, double bulkMBps, double concurrentMBps) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (streams < 1 || rounds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--streams and --rounds must be at least 1");
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

  private Result measure(String mode, BenchClient client, BenchClient.Route bulkRoute, BenchClient.Route route)
      throws Exception {
    // Warm-up: let the JIT compile the paths before timing them.
    await(client.download(bulkRoute, Math.min(bulkBytes, 32L << 20)), 300);
    double bestBulk = 0;
    double bestConcurrent = 0;
    for (int round = 0; round < rounds; round++) {
      long nanos = await(client.download(bulkRoute, bulkBytes), 600);
      bestBulk = Math.max(bestBulk, mbps(bulkBytes, nanos));
      bestConcurrent = Math.max(bestConcurrent, concurrent(client, route));
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
      await(Future.all(downloads), 600);
      return mbps(streamBytes * streams, System.nanoTime() - started);
    } finally {
      await(stalled.close(), 10);
    }
  }

  private void print(PrintWriter out, List<Result> results) {
    Result direct = results.get(0);
    out.printf("%-8s %14s %8s %20s %8s%n", "mode", "bulk MB/s", "ratio", "concurrent MB/s", "ratio");
    for (Result r : results) {
      out.printf("%-8s %14.1f %8.2f %20.1f %8.2f%n", r.mode(), r.bulkMBps(), r.bulkMBps() / direct.bulkMBps(),
          r.concurrentMBps(), r.concurrentMBps() / direct.concurrentMBps());
    }
    Result v2 = find(results, "v2");
    Result v1 = find(results, "v1");
    if (v2 != null && v1 != null) {
      out.printf("v2/v1: bulk %.2fx, concurrent %.2fx%n", v2.bulkMBps() / v1.bulkMBps(),
          v2.concurrentMBps() / v1.concurrentMBps());
    }
    out.flush();
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
