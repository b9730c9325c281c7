package dev.crabbox.cli.work;

import dev.crabbox.cli.ssh.LoopbackSshServer;
import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProviderFactory;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider for the workflow tests whose machines are real SSH servers (Apache MINA SSHD) on
 * loopback, authorizing the lease's {@code sshPublicKey}. It stands in for a provider under the
 * name and feature row given (static, hetzner), since the embedded {@code local} provider is not
 * there yet. Option {@code host=wrong-key} pins a host key the server does not have;
 * {@code host=broken} fails provisioning.
 */
final class SshHostProvider implements LeaseProvider {
  static final String WRONG_KEY = "wrong-key";
  static final String BROKEN = "broken";
  static final String WRONG_FINGERPRINT = "SHA256:" + "Q".repeat(43);

  private final Vertx vertx;
  private final ProviderSpec spec;
  private final Path root;
  private final String profile;
  private final Map<String, LoopbackSshServer> servers = new ConcurrentHashMap<>();

  private SshHostProvider(Vertx vertx, ProviderSpec spec, Path root, String profile) {
    this.vertx = vertx;
    this.spec = spec;
    this.root = root;
    this.profile = profile;
  }

  /** A factory for {@code spec.name()} whose hosts run every command after {@code profile}. */
  static ProviderFactory factory(ProviderSpec spec, Path root, String profile) {
    return new ProviderFactory() {
      @Override
      public String name() {
        return spec.name();
      }

      @Override
      public String howToEnable() {
        return "nothing; always on in tests";
      }

      @Override
      public Future<Optional<LeaseProvider>> create(ProviderContext context) {
        return Future.succeededFuture(Optional.of(new SshHostProvider(context.vertx(), spec, root, profile)));
      }
    };
  }

  @Override
  public ProviderSpec spec() {
    return spec;
  }

  @Override
  public Future<Provisioned> provision(ProvisionRequest request) {
    String host = request.option("host", "");
    if (BROKEN.equals(host)) {
      return Future.failedFuture(new ProviderException("the test host is broken on purpose"));
    }
    return vertx.executeBlocking(() -> {
      Path dir = Files.createDirectories(root.resolve(request.leaseId()));
      LoopbackSshServer server = new LoopbackSshServer(dir, request.sshPublicKey(), profile);
      servers.put(request.leaseId(), server);
      String pinned = WRONG_KEY.equals(host) ? WRONG_FINGERPRINT : server.hostKeyFingerprint();
      return new Provisioned(request.leaseId(), new LeaseMachine("loopback", "here", server.ssh(pinned), null));
    }, false);
  }

  @Override
  public Future<Void> release(String leaseId, String providerRef) {
    LoopbackSshServer server = servers.remove(leaseId);
    if (server == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      close(server);
      return null;
    }, false);
  }

  @Override
  public Future<Void> close() {
    servers.values().forEach(SshHostProvider::close);
    servers.clear();
    return Future.succeededFuture();
  }

  private static void close(LoopbackSshServer server) {
    try {
      server.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
