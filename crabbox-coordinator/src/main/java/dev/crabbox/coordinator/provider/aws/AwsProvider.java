package dev.crabbox.coordinator.provider.aws;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * Leases on AWS EC2: one instance per lease, started from the configured AMI with the bootstrap's
 * cloud-init as user data, in the {@code crabbox-ssh} security group, tagged with the lease. Every
 * SDK call runs on a worker thread of the provider's own pool ({@code executeBlocking}); waiting
 * for the instance uses timers.
 */
public final class AwsProvider implements LeaseProvider {

  /** Request options a lease may set: the instance type, under its EC2 or generic name. */
  static final Set<String> OPTIONS = Set.of("instanceType", "serverType");

  /** EC2 refuses user data above 16 KiB before base64. */
  static final int MAX_USER_DATA_BYTES = 16 * 1024;

  /** Worker threads for EC2 calls: their own, so a slow EC2 never starves the store's workers. */
  static final int WORKER_THREADS = 8;

  private static final Logger LOG = LoggerFactory.getLogger(AwsProvider.class);
  private static final Set<InstanceStateName> GONE = Set.of(InstanceStateName.SHUTTING_DOWN,
      InstanceStateName.TERMINATED, InstanceStateName.STOPPING, InstanceStateName.STOPPED);

  private final Vertx vertx;
  private final WorkerExecutor workers;
  private final MachineBootstrap bootstrap;
  private final AwsSettings settings;
  private final Ec2Client ec2;
  private final Ec2Failures failures;
  private final LeaseInstances instances;
  private final SshSecurityGroup securityGroup;

  AwsProvider(Vertx vertx, MachineBootstrap bootstrap, AwsSettings settings, Ec2Client ec2) {
    this.vertx = vertx;
    // Shared by name: every aws provider of this Vert.x uses one pool; close() releases our hold.
    // A call may take the API call timeout; a worker flagged as blocked before that is no news.
    this.workers = vertx.createSharedWorkerExecutor("crabbox-aws-ec2", WORKER_THREADS,
        settings.apiCallTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.ec2 = ec2;
    this.failures = new Ec2Failures(settings.apiCallTimeout(), settings.credentials());
    this.instances = new LeaseInstances(ec2, settings);
    this.securityGroup = new SshSecurityGroup(ec2, settings);
  }

  @Override
  public ProviderSpec spec() {
    return ProviderSpec.AWS;
  }

  @Override
  public void validate(ProvisionRequest request) {
    LeaseTarget target = request.targetOs();
    if (target != LeaseTarget.LINUX) {
      throw new ProviderException("aws leases run Linux only; target \"" + target
          + "\" is not supported");
    }
    for (String key : request.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new ProviderException("aws: unknown option \"" + key + "\"; known options: "
            + OPTIONS.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
    instanceType(request);
    bootstrap.validate(request);
  }

  @Override
  public Map<String, String> prepareSecrets(ProvisionRequest request) {
    return bootstrap.prepareSecrets(request);
  }

  @Override
  public Future<Provisioned> provision(ProvisionRequest request) {
    long deadline = System.nanoTime() + settings.provisionTimeout().toNanos();
    String instanceType;
    try {
      validate(request);
      instanceType = instanceType(request);
    } catch (ProviderException e) {
      return Future.failedFuture(e);
    }
    return blocking(() -> findOrStart(request, instanceType))
        .compose(instanceId -> awaitRunning(instanceId, deadline))
        .compose(instance -> blocking(() -> provisioned(request, instance)));
  }

  @Override
  public Future<Void> release(String leaseId, String providerRef) {
    return blocking(() -> {
      List<String> ids = providerRef != null ? List.of(providerRef)
          : instances.find(leaseId).stream().map(Instance::instanceId).collect(Collectors.toList());
      if (ids.isEmpty()) {
        LOG.debug("aws: lease {} has no instance left", leaseId);
        return null;
      }
      LOG.info("aws: terminating {} of lease {}", ids, leaseId);
      instances.terminate(ids);
      return null;
    });
  }

  @Override
  public Future<Void> close() {
    Future<Void> closed = blocking(() -> {
      ec2.close();
      return null;
    });
    return closed.eventually(workers::close);
  }

  /** The lease's instance id: the one already started for it, or a new one. */
  private String findOrStart(ProvisionRequest request, String instanceType) {
    List<Instance> existing = instances.find(request.leaseId());
    if (!existing.isEmpty()) {
      Instance instance = existing.get(0);
      LOG.info("aws: lease {} already has instance {} ({})", request.leaseId(),
          instance.instanceId(), instance.state().nameAsString());
      return instance.instanceId();
    }
    String userData = bootstrap.userData(request);
    int size = userData.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_USER_DATA_BYTES) {
      throw new ProviderException("aws: the lease's cloud-init is " + size
          + " bytes; EC2 accepts at most " + MAX_USER_DATA_BYTES + " bytes of user data");
    }
    String groupId = securityGroup.ensure();
    Instance started = instances.run(request, instanceType, groupId, userData);
    LOG.info("aws: started instance {} ({}, {}) for lease {}", started.instanceId(),
        instanceType, settings.region(), request.leaseId());
    return started.instanceId();
  }

  /** Polls until the instance runs with a public address; fails when it goes away or time ends. */
  private Future<Instance> awaitRunning(String instanceId, long deadline) {
    return blocking(() -> instances.describe(instanceId)).compose(instance -> {
      InstanceStateName state = stateOf(instance);
      if (state == InstanceStateName.RUNNING && hasPublicIp(instance)) {
        return Future.succeededFuture(instance);
      }
      if (state != null && GONE.contains(state)) {
        return Future.failedFuture(stoppedEarly(instance));
      }
      if (System.nanoTime() - deadline >= 0) {
        return Future.failedFuture(notReady(instanceId, instance));
      }
      return vertx.timer(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)
          .compose(fired -> awaitRunning(instanceId, deadline));
    });
  }

  private Provisioned provisioned(ProvisionRequest request, Instance instance) {
    LeaseMachine.Ssh ssh = new LeaseMachine.Ssh(instance.publicIpAddress(),
        SshSecurityGroup.SSH_PORT, MachineBootstrap.SSH_USER,
        bootstrap.hostKeyFingerprint(request.secrets()));
    return new Provisioned(instance.instanceId(), new LeaseMachine(
        instance.instanceTypeAsString(), settings.region(), ssh, settings.cost()));
  }

  private String instanceType(ProvisionRequest request) {
    String ec2Name = request.option("instanceType", null);
    String generic = request.option("serverType", null);
    if (ec2Name != null && generic != null && !ec2Name.equals(generic)) {
      throw new ProviderException("aws: options instanceType \"" + ec2Name + "\" and serverType \""
          + generic + "\" disagree; set one of them");
    }
    String chosen = ec2Name != null ? ec2Name : generic != null ? generic : settings.instanceType();
    if (!AwsSettings.isInstanceType(chosen)) {
      throw new ProviderException("aws: \"" + chosen + "\" is not an EC2 instance type "
          + "(e.g. t3.small, m7g.large)");
    }
    return chosen;
  }

  /** The instance's state, or null while EC2 does not show the instance yet. */
  private static InstanceStateName stateOf(Instance instance) {
    return instance == null || instance.state() == null ? null : instance.state().name();
  }

  private static boolean hasPublicIp(Instance instance) {
    return instance.publicIpAddress() != null && !instance.publicIpAddress().isBlank();
  }

  private ProviderException stoppedEarly(Instance instance) {
    String reason = instance.stateReason() == null ? "" : " (" + instance.stateReason().message()
        + ")";
    return new ProviderException(failures.redact("aws: instance " + instance.instanceId()
        + " is " + instance.state().nameAsString() + " instead of running" + reason));
  }

  private ProviderException notReady(String instanceId, Instance instance) {
    String waited = SettingDurations.format(settings.provisionTimeout());
    if (stateOf(instance) == InstanceStateName.RUNNING) {
      return new ProviderException("aws: instance " + instanceId + " is running but has no public"
          + " IP address after " + waited + "; set providers.aws.subnetId to a subnet"
          + " that gives instances public IPv4 addresses");
    }
    String state = stateOf(instance) == null ? "not visible yet" : instance.state().nameAsString();
    return new ProviderException("aws: instance " + instanceId + " was not running after "
        + waited + " (state: " + state + ")", true, null);
  }

  /** Runs SDK work on an EC2 worker (unordered: leases do not wait for each other). */
  private <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false)
        .recover(failure -> Future.failedFuture(failures.toProviderException(failure)));
  }
}
