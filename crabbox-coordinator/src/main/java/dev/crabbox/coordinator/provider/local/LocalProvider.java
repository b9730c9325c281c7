package dev.crabbox.coordinator.provider.local;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.ProviderSpec;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases on the coordinator's own machine: each lease is a sandbox directory
 * ({@code <sandboxRoot>/<leaseId>}) served by its own embedded SSH server on 127.0.0.1, where the
 * operator's key may log in as {@code crabbox} and run commands with the sandbox as HOME and
 * working directory.
 *
 * <p>The sandbox is a directory, not an isolation boundary: commands run as the coordinator's OS
 * user. The provider is meant for an operator's own machine (demos, trying Crabbox, tests).
 *
 * <p>Every server uses one host key kept in the provider directory, so the fingerprint a lease
 * pins survives a coordinator restart; {@link #reattach} then starts the lease's server again,
 * on its old port when that is still free.
 */
public final class LocalProvider implements LeaseProvider {

  private static final Logger LOG = LoggerFactory.getLogger(LocalProvider.class);
  /** Lease ids become directory names: nothing that could climb out of the sandbox root. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]+");

  private final Vertx vertx;
  private final Path hostKeyFile;
  private final Path sandboxRoot;
  private final Map<String, SandboxSshServer> servers = new ConcurrentHashMap<>();
  private KeyPair hostKey;

  /**
   * @param vertx runs the blocking file, process and socket work on worker threads
   * @param hostKeyFile the provider's persistent host key (created on first use)
   * @param sandboxRoot where lease sandboxes are created
   */
  public LocalProvider(Vertx vertx, Path hostKeyFile, Path sandboxRoot) {
    this.vertx = vertx;
    this.hostKeyFile = hostKeyFile;
    this.sandboxRoot = sandboxRoot;
  }

  @Override
  public ProviderSpec spec() {
    return ProviderSpec.LOCAL;
  }

  @Override
  public void validate(ProvisionRequest request) {
    LeaseTarget target = request.targetOs();
    if (target != LeaseTarget.LINUX) {
      throw new ProviderException("the local provider runs leases on the coordinator's own "
          + "machine and serves target linux only, not " + target);
    }
    if (!request.options().isEmpty()) {
      throw new ProviderException("the local provider takes no options; remove "
          + String.join(", ", request.options().keySet()));
    }
    if (request.sshPublicKey().isEmpty()) {
      throw new ProviderException("a local lease needs the operator's SSH public key to let it "
          + "log in; the crabbox CLI sends it when it creates a lease (sshPublicKey)");
    }
    try {
      SshPublicKeys.blob(request.sshPublicKey());
    } catch (IllegalArgumentException e) {
      throw new ProviderException(e.getMessage());
    }
    sandbox(request.leaseId());
  }

  @Override
  public Future<Provisioned> provision(ProvisionRequest request) {
    return blocking(() -> {
      // computeIfAbsent holds the lease's map entry while the server starts (a few milliseconds),
      // so a repeated provision or a reattach of the same lease never starts a second server.
      SandboxSshServer server = servers.computeIfAbsent(request.leaseId(), id -> {
        SandboxSshServer started = startServer(request, 0);
        LOG.info("local lease {} is served on {}:{}", id, started.host(), started.port());
        return started;
      });
      return provisioned(request.leaseId(), server);
    });
  }

  @Override
  public Future<Optional<Provisioned>> reattach(ProvisionRequest request, Provisioned current) {
    int recordedPort = current.machine().ssh().port();
    return blocking(() -> {
      if (servers.containsKey(request.leaseId())) {
        return Optional.empty();
      }
      if (!Files.isDirectory(sandbox(request.leaseId()))) {
        LOG.warn("the sandbox of local lease {} is gone; the lease starts again with an empty one",
            request.leaseId());
      }
      SandboxSshServer server = servers.computeIfAbsent(request.leaseId(),
          id -> startServer(request, recordedPort));
      LOG.info("local lease {} is served again on port {}", request.leaseId(), server.port());
      return server.port() == recordedPort
          ? Optional.empty()
          : Optional.of(provisioned(request.leaseId(), server));
    });
  }

  @Override
  public Future<Void> release(String leaseId, String providerRef) {
    return blocking(() -> {
      SandboxSshServer server = servers.remove(leaseId);
      if (server != null) {
        server.close();
      }
      SandboxDirectories.deleteTree(sandbox(leaseId));
      return null;
    });
  }

  /** Stops every lease's server; sandboxes stay for {@link #reattach}. */
  @Override
  public Future<Void> close() {
    return blocking(() -> {
      List<SandboxSshServer> running = new ArrayList<>(servers.values());
      servers.clear();
      for (SandboxSshServer server : running) {
        try {
          server.close();
        } catch (IOException e) {
          LOG.warn("stopping a local lease's SSH server failed: {}", e.toString());
        }
      }
      return null;
    });
  }

  private SandboxSshServer startServer(ProvisionRequest request, int preferredPort) {
    try {
      Path sandbox = sandbox(request.leaseId());
      SandboxDirectories.ensureOwnerOnly(sandbox);
      return SandboxSshServer.start(hostKey(), MachineBootstrap.SSH_USER, request.sshPublicKey(),
          sandbox, preferredPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized KeyPair hostKey() throws IOException {
    if (hostKey == null) {
      hostKey = HostKeyFile.loadOrCreate(hostKeyFile);
    }
    return hostKey;
  }

  private Path sandbox(String leaseId) {
    if (!SAFE_ID.matcher(leaseId).matches()) {
      throw new ProviderException("\"" + leaseId + "\" cannot name a local sandbox directory");
    }
    return sandboxRoot.resolve(leaseId);
  }

  private static Provisioned provisioned(String leaseId, SandboxSshServer server) {
    LeaseMachine.Ssh ssh = new LeaseMachine.Ssh(server.host(), server.port(), MachineBootstrap.SSH_USER,
        server.hostKeyFingerprint());
    return new Provisioned(leaseId, new LeaseMachine("local", "", ssh, null));
  }

  /** Runs file, socket and process work on a worker thread; failures become ProviderExceptions. */
  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.<T>executeBlocking(work, false).recover(failure -> Future.failedFuture(
        failure instanceof ProviderException ? failure : new ProviderException(
            "local provider: " + describe(failure), failure)));
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure instanceof UncheckedIOException ? failure.getCause() : failure;
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
