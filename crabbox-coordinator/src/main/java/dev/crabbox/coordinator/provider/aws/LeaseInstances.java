package dev.crabbox.coordinator.provider.aws;

import dev.crabbox.coordinator.provider.ProvisionRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ShutdownBehavior;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The EC2 calls about one lease's instance. Instances carry the tag {@value #LEASE_TAG} with the
 * lease id, and RunInstances uses the lease id as its client token, so repeating a call after a
 * coordinator restart finds the instance instead of starting a second one. Blocking; call it on a
 * worker.
 */
final class LeaseInstances {

  static final String LEASE_TAG = "crabbox-lease";
  static final String OWNER_TAG = "crabbox-owner";

  /** What a lease's instance can be in until it is terminated (or being terminated). */
  private static final String[] LIVE_STATES = {"pending", "running", "stopping", "stopped"};

  private final Ec2Client ec2;
  private final AwsSettings settings;

  LeaseInstances(Ec2Client ec2, AwsSettings settings) {
    this.ec2 = ec2;
    this.settings = settings;
  }

  /** The lease's instances that are not terminated, oldest reservation first. */
  List<Instance> find(String leaseId) {
    List<Instance> found = new ArrayList<>();
    ec2.describeInstancesPaginator(b -> b.filters(
            Ec2Filters.filter("tag:" + LEASE_TAG, leaseId),
            Ec2Filters.filter("instance-state-name", LIVE_STATES)))
        .reservations()
        .forEach(reservation -> found.addAll(reservation.instances()));
    return found;
  }

  /**
   * The instance as EC2 sees it now, or null when EC2 does not know it yet (its API is eventually
   * consistent: a new instance may be invisible for a moment after RunInstances).
   */
  Instance describe(String instanceId) {
    try {
      return ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().stream()
          .flatMap(r -> r.instances().stream()).findFirst().orElse(null);
    } catch (AwsServiceException e) {
      if ("InvalidInstanceID.NotFound".equals(Ec2Failures.errorCode(e))) {
        return null;
      }
      throw e;
    }
  }

  /** Starts the lease's instance; the client token makes a repeated call return the same one. */
  Instance run(ProvisionRequest request, String instanceType, String securityGroupId,
      String userData) {
    String encoded = Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
    TagSpecification tags = TagSpecification.builder().resourceType(ResourceType.INSTANCE)
        .tags(tags(request)).build();
    return ec2.runInstances(b -> {
      b.imageId(settings.ami()).instanceType(instanceType).minCount(1).maxCount(1)
          .userData(encoded).securityGroupIds(securityGroupId).tagSpecifications(tags)
          .clientToken(request.leaseId())
          // A lease machine that powers itself off is gone, not parked at a storage cost.
          .instanceInitiatedShutdownBehavior(ShutdownBehavior.TERMINATE);
      if (settings.subnetId() != null) {
        b.subnetId(settings.subnetId());
      }
    }).instances().get(0);
  }

  /** Terminates {@code instanceIds}; ids EC2 no longer knows count as done. */
  void terminate(List<String> instanceIds) {
    try {
      ec2.terminateInstances(b -> b.instanceIds(instanceIds));
    } catch (AwsServiceException e) {
      if (!"InvalidInstanceID.NotFound".equals(Ec2Failures.errorCode(e))) {
        throw e;
      }
    }
  }

  private static List<Tag> tags(ProvisionRequest request) {
    return List.of(
        tag(LEASE_TAG, request.leaseId()),
        tag(OWNER_TAG, request.owner()),
        tag("crabbox-desktop", String.valueOf(request.labels().desktop())),
        tag("crabbox-browser", String.valueOf(request.labels().browser())),
        tag("crabbox-code", String.valueOf(request.labels().code())),
        tag("Name", "crabbox-" + request.slug()));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
