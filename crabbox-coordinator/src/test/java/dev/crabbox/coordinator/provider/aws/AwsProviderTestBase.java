package dev.crabbox.coordinator.provider.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake EC2 endpoint per test and providers built by the real factory against it, with
 * credentials shaped like AWS's documentation examples.
 */
@ExtendWith(VertxExtension.class)
abstract class AwsProviderTestBase {

  static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String REGION = "eu-central-1";
  static final String AMI = "ami-0abcdef1234567890";
  static final String LEASE = "cbx_7f3a9c2e41d8";

  final TestBootstrap bootstrap = new TestBootstrap();
  private final List<LeaseProvider> providers = new ArrayList<>();
  Vertx vertx;
  Path dataDir;
  FakeEc2 ec2;

  @BeforeEach
  final void startFakeEc2(Vertx vertx, @TempDir Path dataDir) {
    this.vertx = vertx;
    this.dataDir = dataDir;
    ec2 = Await.result(FakeEc2.start(vertx));
  }

  @AfterEach
  final void stopFakeEc2() {
    providers.forEach(provider -> Await.result(provider.close()));
    Await.result(ec2.close());
  }

  /** The settings every test starts from: the fake's endpoint, fast polling, no SDK retries. */
  JsonObject config() {
    return new JsonObject()
        .put("region", REGION)
        .put("accessKeyId", ACCESS_KEY)
        .put("secretAccessKey", SECRET_KEY)
        .put("endpoint", ec2.endpoint().toString())
        .put("ami", AMI)
        .put("pollInterval", "10ms")
        .put("maxAttempts", 1)
        .put("hourlyPrice", "0.0208");
  }

  ProviderContext context(JsonObject config, Map<String, String> env) {
    return new ProviderContext(vertx, config, env, dataDir, Clock.systemUTC(), bootstrap);
  }

  LeaseProvider provider(JsonObject config) {
    LeaseProvider provider = Await.result(new AwsProviderFactory().create(context(config,
        Map.of()))).orElseThrow();
    providers.add(provider);
    return provider;
  }

  LeaseProvider provider() {
    return provider(config());
  }

  /** A desktop+browser Linux lease for alice, with its secrets prepared. */
  ProvisionRequest request(Map<String, String> options) {
    ProvisionRequest request = new ProvisionRequest(LEASE, "blue-crab", "alice", "acme", "linux",
        new LeaseView.Labels(true, true, false), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample alice",
        options, Map.of());
    return request.withSecrets(bootstrap.prepareSecrets(request));
  }

  ProvisionRequest request() {
    return request(Map.of());
  }

  static ProviderException providerFailure(Future<?> future) {
    return assertInstanceOf(ProviderException.class, Await.failure(future));
  }
}
