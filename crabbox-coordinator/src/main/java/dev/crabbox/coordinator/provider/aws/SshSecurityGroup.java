package dev.crabbox.coordinator.provider.aws;

import static dev.crabbox.coordinator.provider.aws.Ec2Filters.filter;

import dev.crabbox.coordinator.provider.ProviderException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The one security group lease instances start in, {@value #NAME}, per VPC: it lets in TCP port 22
 * from the configured range and nothing else (EC2 groups allow all outbound traffic). It is shared
 * by every lease of the VPC, so releasing a lease leaves it in place. Blocking; call it on a
 * worker.
 */
final class SshSecurityGroup {

  static final String NAME = "crabbox-ssh";
  static final int SSH_PORT = 22;

  private static final Logger LOG = LoggerFactory.getLogger(SshSecurityGroup.class);

  private final Ec2Client ec2;
  private final AwsSettings settings;

  SshSecurityGroup(Ec2Client ec2, AwsSettings settings) {
    this.ec2 = ec2;
    this.settings = settings;
  }

  /** The group's id; creates it and opens SSH when missing (also when another node races us). */
  String ensure() {
    String vpcId = vpcId();
    SecurityGroup group = find(vpcId);
    String groupId = group != null ? group.groupId() : create(vpcId);
    if (group == null || !allowsSsh(group)) {
      allowSsh(groupId);
    }
    return groupId;
  }

  /** The configured subnet's VPC, else the region's default VPC. */
  private String vpcId() {
    if (settings.subnetId() != null) {
      List<Subnet> subnets = ec2.describeSubnets(b -> b.subnetIds(settings.subnetId())).subnets();
      if (subnets.isEmpty()) {
        throw new ProviderException("aws: subnet " + settings.subnetId() + " does not exist in "
            + settings.region() + " (providers.aws.subnetId)");
      }
      return subnets.get(0).vpcId();
    }
    List<Vpc> vpcs = ec2.describeVpcs(b -> b.filters(filter("is-default", "true"))).vpcs();
    if (vpcs.isEmpty()) {
      throw new ProviderException("aws: the account has no default VPC in " + settings.region()
          + "; set providers.aws.subnetId to a subnet that gives instances public IPv4 addresses");
    }
    return vpcs.get(0).vpcId();
  }

  private SecurityGroup find(String vpcId) {
    List<SecurityGroup> groups = ec2.describeSecurityGroups(
        b -> b.filters(filter("group-name", NAME), filter("vpc-id", vpcId))).securityGroups();
    return groups.isEmpty() ? null : groups.get(0);
  }

  private String create(String vpcId) {
    try {
      String groupId = ec2.createSecurityGroup(b -> b.groupName(NAME).vpcId(vpcId)
          .description("Crabbox leases: SSH in, nothing else")).groupId();
      LOG.info("aws: created security group {} ({}) in {}", NAME, groupId, vpcId);
      return groupId;
    } catch (AwsServiceException e) {
      if (!"InvalidGroup.Duplicate".equals(Ec2Failures.errorCode(e))) {
        throw e;
      }
      SecurityGroup created = find(vpcId);
      if (created == null) {
        throw e;
      }
      return created.groupId();
    }
  }

  private boolean allowsSsh(SecurityGroup group) {
    return group.ipPermissions().stream().anyMatch(p -> "tcp".equals(p.ipProtocol())
        && Integer.valueOf(SSH_PORT).equals(p.fromPort())
        && Integer.valueOf(SSH_PORT).equals(p.toPort())
        && p.ipRanges().stream().anyMatch(r -> settings.sshCidr().equals(r.cidrIp())));
  }

  private void allowSsh(String groupId) {
    IpPermission ssh = IpPermission.builder().ipProtocol("tcp").fromPort(SSH_PORT).toPort(SSH_PORT)
        .ipRanges(IpRange.builder().cidrIp(settings.sshCidr()).description("crabbox SSH").build())
        .build();
    try {
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(groupId).ipPermissions(ssh));
      LOG.info("aws: security group {} lets SSH in from {}", groupId, settings.sshCidr());
    } catch (AwsServiceException e) {
      if (!"InvalidPermission.Duplicate".equals(Ec2Failures.errorCode(e))) {
        throw e;
      }
    }
  }
}
