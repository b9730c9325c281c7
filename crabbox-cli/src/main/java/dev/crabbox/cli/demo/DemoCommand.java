package dev.crabbox.cli.demo;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.egress.StatusLine;
import dev.crabbox.cli.runtime.Blocking;
import dev.crabbox.cli.runtime.ShutdownSignal;
import dev.crabbox.protocol.api.EgressStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox demo}: a local lease, a recorded run on it and mediated egress for it, end to end
 * on this machine, then a clean stop. Everything
 * it starts is what an operator would run, only embedded in one process and bound to loopback.
 * It prints the portal's URL and a one-use sign-in link for the admin; {@code --stay} keeps the
 * coordinator up after the demo, until Ctrl-C, so that the link can be used.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Crabbox end to end on this machine: an embedded coordinator with its portal, "
        + "a local lease warmed with crabbox warmup, a recorded crabbox run, mediated egress for "
        + "that lease (one page fetched through the lease proxy); then stop.")
public final class DemoCommand implements Callable<Integer> {

  private static final long STEP_TIMEOUT_SECONDS = 60;

  @Spec
  CommandSpec spec;

  @Option(names = "--stay",
      description = "Keep the demo's coordinator and portal up after the demo until Ctrl-C.")
  boolean stay;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dataDir = Files.createTempDirectory("crabbox-demo-");
    Vertx vertx = Vertx.vertx();
    RecordingOrigin origin = new RecordingOrigin(vertx);
    LocalEgressRig rig = null;
    ShutdownSignal.Subscription staying = null;
    try {
      await(origin.start());
      out.printf("demo: origin listening on http://127.0.0.1:%d/%n", origin.port());
      rig = await(LocalEgressRig.startCoordinator(vertx, dataDir));
      out.printf("demo: coordinator %s (data in %s)%n", rig.coordinator().baseUri(), dataDir);
      out.printf("demo: portal %s%n", rig.portalUrl());
      out.printf("demo: sign in to the portal as admin: %s (one use, within %d minutes; %s)%n",
          await(rig.adminLoginLink()), rig.loginLinks().lifetime().toMinutes(), stay
              ? "the demo stays up until Ctrl-C"
              : "the demo stops when it ends, run crabbox demo --stay to keep it up");
      DemoOperator operator = new DemoOperator(dataDir.resolve("operator"),
          rig.coordinator().baseUri(), rig.coordinator().adminToken());

      JsonObject lease = warmLocalLease(operator, rig, out);
      if (lease == null) {
        return 1;
      }
      if (!runRecorded(operator, rig, lease, out)) {
        return 1;
      }

      await(rig.bridge(lease, LocalEgressRig.Settings.loopback(WireVersion.V2)));
      out.printf("egress host: connected lease=%s session=%s profile=- allow=127.0.0.1,localhost%n",
          rig.leaseId(), rig.host().session().sessionId());
      out.printf("egress client: connected lease=%s session=%s listen=127.0.0.1:%d%n",
          rig.leaseId(), rig.proxy().session().sessionId(), rig.proxyPort());
      out.println(StatusLine.format(EgressStatus.fromJson(
          await(rig.admin().egressStatus(rig.leaseId())).getMap())));

      String url = "http://127.0.0.1:" + origin.port() + "/hello?from=crabbox-demo";
      Buffer body = await(fetchThroughProxy(vertx, rig.proxyPort(), url));
      out.printf("demo: GET %s through lease proxy 127.0.0.1:%d -> %d bytes: %s%n",
          url, rig.proxyPort(), body.length(), body.toString().strip());
      for (RecordingOrigin.SeenRequest seen : origin.seen()) {
        out.printf("demo: the origin saw %s %s from %s (the egress host's connection)%n",
            seen.method(), seen.uri(), seen.peer());
        for (Map.Entry<String, String> header : seen.headers()) {
          out.printf("demo:   %s: %s%n", header.getKey(), header.getValue());
        }
      }
      boolean leaked = origin.seen().stream().flatMap(seen -> seen.headers().stream())
          .anyMatch(header -> header.getKey().equalsIgnoreCase("Proxy-Authorization"));
      if (leaked) {
        spec.commandLine().getErr().println("crabbox: demo failed: Proxy-Authorization reached the origin");
        return 1;
      }
      out.println("demo: Proxy-Authorization stopped at the lease proxy; the origin never saw it");
      DemoOperator.Outcome stop = operator.run("stop", rig.leaseSlug());
      out.printf("demo: $ crabbox stop %s -> %s%n", rig.leaseSlug(), stop.exitCode() == 0
          ? await(rig.admin().getLease(rig.leaseId())).getString("state") : stop.err().strip());
      if (stay && stop.exitCode() == 0) {
        CountDownLatch interrupted = new CountDownLatch(1);
        staying = CliEnvironment.of(spec).shutdown().onShutdown(interrupted::countDown);
        out.printf("demo: staying up; the portal is at %s (sign-in link above); press Ctrl-C to "
            + "stop%n", rig.portalUrl());
        out.flush();
        interrupted.await();
      }
      return stop.exitCode();
    } finally {
      if (rig != null) {
        await(rig.stop());
      }
      await(origin.stop());
      await(vertx.close());
      Blocking.deleteTree(dataDir);
      out.println("demo: stopped cleanly");
      out.flush();
      if (staying != null) {
        staying.close();
      }
    }
  }

  /** {@code crabbox warmup --provider local}: the lease as the API shows it, or null. */
  private JsonObject warmLocalLease(DemoOperator operator, LocalEgressRig rig, PrintWriter out)
      throws Exception {
    DemoOperator.Outcome warm = operator.run("warmup", "--provider", "local");
    if (warm.exitCode() != 0 || warm.outLines().isEmpty()) {
      fail("crabbox warmup --provider local failed (exit " + warm.exitCode() + "): "
          + warm.err().strip());
      return null;
    }
    String id = warm.outLines().get(0).split(" ")[0];
    JsonObject lease = await(rig.admin().getLease(id));
    JsonObject ssh = lease.getJsonObject("ssh");
    out.printf("demo: $ crabbox warmup --provider local -> lease %s (%s) %s, ssh %s@%s:%d, "
        + "host key %s (pinned)%n", id, lease.getString("slug"), lease.getString("state"),
        ssh.getString("user"), ssh.getString("host"), ssh.getInteger("port"),
        ssh.getString("hostKey"));
    return lease;
  }

  /** {@code crabbox run} on the lease, then what the coordinator recorded of it. */
  private boolean runRecorded(DemoOperator operator, LocalEgressRig rig, JsonObject lease,
      PrintWriter out) throws Exception {
    String slug = lease.getString("slug");
    DemoOperator.Outcome run = operator.run("run", "--id", slug, "--",
        "echo \"hello from $(uname -s) in $(basename \"$PWD\")\"; echo done");
    out.printf("demo: $ crabbox run --id %s -- echo ... -> exit %d%n", slug, run.exitCode());
    run.outLines().forEach(line -> out.printf("demo:   | %s%n", line));
    if (run.exitCode() != 0) {
      fail("crabbox run failed: " + run.err().strip());
      return false;
    }
    List<JsonObject> runs = await(rig.admin().listLeaseRuns(lease.getString("id")));
    JsonObject recorded = runs.get(0);
    List<JsonObject> events = await(rig.admin().runEvents(recorded.getString("id")));
    out.printf("demo: run %s recorded: state %s, exit %s, events %s%n", recorded.getString("id"),
        recorded.getString("state"), recorded.getValue("exitCode"),
        events.stream().map(event -> event.getString("type")).distinct().toList());
    return true;
  }

  private void fail(String message) {
    spec.commandLine().getErr().println("crabbox: demo failed: " + message);
  }

  private static Future<Buffer> fetchThroughProxy(Vertx vertx, int proxyPort, String url) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions()
        .setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP).setHost("127.0.0.1").setPort(proxyPort)));
    // The Proxy-Authorization header is for the lease proxy only: the demo shows it never reaches
    // the origin.
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
            .putHeader("Proxy-Authorization", "Basic ZGVtbzpkZW1v")
            .putHeader("X-Crabbox-Demo", "through the lease proxy"))
        // body() is attached inside the send callback, on the event loop: attached later from this
        // (non-Vert.x) thread, a small response's body could already be gone.
        .compose(request -> request.send().compose(response -> response.statusCode() == 200
            ? response.body()
            : response.body().compose(b -> Future.failedFuture(
                "the lease proxy answered " + response.statusCode() + ": " + b.toString().strip()))))
        .eventually(client::close);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Blocking.await(future, STEP_TIMEOUT_SECONDS, "a demo step");
  }
}
