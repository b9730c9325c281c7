package dev.crabbox.cli.egress.start;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.runtime.ManualShutdownSignal;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.testing.TestSshHost;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real coordinator whose {@code static} provider offers one in-JVM SSH host
 * ({@link TestSshHost}: commands run as local processes, no port forwarding), and a lease on it
 * warmed through the CLI. Everything listens on 127.0.0.1.
 */
final class StaticLeaseRig implements AutoCloseable {
  final Path home;
  final Path box;
  final String lease;
  private final Vertx vertx = Vertx.vertx();
  private final TestSshHost host;
  private final CoordinatorVerticle coordinator;
  private final String url;
  private final SelfSignedCertificate tls;

  StaticLeaseRig(Path dir) throws Exception {
    this(dir, null);
  }

  /** With {@code tls}, the coordinator serves https://localhost with that certificate, which the CLI trusts. */
  StaticLeaseRig(Path dir, SelfSignedCertificate tls) throws Exception {
    this.tls = tls;
    home = dir.resolve("home");
    box = Files.createDirectories(dir.resolve("box"));
    OperatorKey key = OperatorKey.resolve(new CliEnvironment(Map.of(), home, new ManualShutdownSignal()).settings());
    host = TestSshHost.start(key.publicLine(), box);
    JsonObject providers = host.staticProvidersConfig("box1");
    CoordinatorOptions options = new CoordinatorOptions().setPort(0).setDataDir(dir.resolve("data"))
        .setProvidersConfig(providers);
    if (tls != null) {
      options.setHost("localhost").setTlsCertPath(Path.of(tls.certificatePath()))
          .setTlsKeyPath(Path.of(tls.privateKeyPath()));
    }
    coordinator = new CoordinatorVerticle(options);
    vertx.deployVerticle(coordinator).await();
    url = (tls == null ? "http://127.0.0.1:" : "https://localhost:") + coordinator.actualPort();
    CliRunner.Result warm = run("warmup", "--static-host", "box1", "--poll-interval", "100ms");
    assertEquals(ExitCodes.OK, warm.exitCode(), warm.err());
    lease = warm.out().trim().split(" ")[0];
  }

  /** A CLI pointed at this coordinator with the admin token. */
  CliRunner cli() {
    return new CliRunner(home).env("CRABBOX_COORDINATOR", url).env("CRABBOX_TOKEN", coordinator.adminToken());
  }

  /** Runs one command with a fresh {@link #cli()}, adding {@code --ca} for an https coordinator. */
  CliRunner.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (tls != null) {
      all.addAll(List.of("--ca", tls.certificatePath()));
    }
    return cli().run(all.toArray(String[]::new));
  }

  @Override
  public void close() throws IOException {
    try {
      run("egress", "stop", "--id", lease);
    } finally {
      host.close();
      vertx.close().await();
    }
  }
}
