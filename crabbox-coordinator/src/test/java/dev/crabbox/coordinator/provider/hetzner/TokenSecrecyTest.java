package dev.crabbox.coordinator.provider.hetzner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The API token reaches the API's Authorization header and no log line or failure message. */
@ExtendWith(VertxExtension.class)
class TokenSecrecyTest {

  @Test
  void theTokenIsNeverLoggedNorShown(Vertx vertx, @TempDir Path dataDir) {
    FakeHetznerCloud cloud = FakeHetznerCloud.start(vertx);
    Logger logger = (Logger) LoggerFactory.getLogger("dev.crabbox.coordinator.provider.hetzner");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      ProviderContext context = new ProviderContext(vertx,
          new JsonObject().put("apiUrl", cloud.apiUrl()).put("pollInterval", "10ms"),
          Map.of("HCLOUD_TOKEN", FakeHetznerCloud.TOKEN), dataDir, Clock.systemUTC(),
          new StubBootstrap());
      LeaseProvider provider = Await.result(new HetznerProviderFactory().create(context))
          .orElseThrow();
      ProvisionRequest draft = new ProvisionRequest("cbx_00000000aaaa", "swift-crab", "bob", "",
          "linux", LeaseView.Labels.NONE, TestKeys.ed25519(3, "bob@desk"), Map.of(), Map.of());
      ProvisionRequest request = draft.withSecrets(provider.prepareSecrets(draft));
      Await.result(provider.provision(request));
      cloud.failNext("GET /servers", 429, "rate_limit_exceeded", "rate limit exceeded");
      Throwable failure = Await.failure(provider.release(request.leaseId(), null));
      Await.result(provider.release(request.leaseId(), null));
      Await.result(provider.close());

      assertFalse(failure.getMessage().contains(FakeHetznerCloud.TOKEN));
      assertTrue(logs.list.size() >= 3, "provider enabled, server created, server deleted");
      for (ILoggingEvent event : logs.list) {
        assertFalse(event.getFormattedMessage().contains(FakeHetznerCloud.TOKEN),
            event.getFormattedMessage());
      }
      assertTrue(cloud.calls().stream().allMatch(
          call -> ("Bearer " + FakeHetznerCloud.TOKEN).equals(call.authorization())));
    } finally {
      logger.detachAppender(logs);
      cloud.stop();
    }
  }
}
