package dev.crabbox.coordinator.provider.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The network side of the fake EC2 account: a default VPC (which a test may take away), a second
 * VPC with one subnet, security groups with their port-22 rules, and the actions the aws provider
 * uses on them (DescribeVpcs, DescribeSubnets, DescribeSecurityGroups, CreateSecurityGroup,
 * AuthorizeSecurityGroupIngress).
 */
final class FakeEc2Network {

  static final String DEFAULT_VPC = "vpc-0a1b2c3d4e5f60718";
  static final String OTHER_VPC = "vpc-0f9e8d7c6b5a49382";
  static final String SUBNET_IN_OTHER_VPC = "subnet-0123456789abcdef0";

  /** One security group and the CIDRs its port-22 rules allow. */
  record Group(String id, String name, String vpcId, List<String> sshCidrs) {}

  final List<Group> groups = new ArrayList<>();
  boolean hasDefaultVpc = true;
  private int counter;

  /** Adds a {@code crabbox-ssh} group, as if an earlier coordinator had made it. */
  synchronized Group addGroup(String vpcId, String... sshCidrs) {
    return newGroup(SshSecurityGroup.NAME, vpcId, sshCidrs);
  }

  /** The answer to a network action, or null when {@code action} is not one. */
  synchronized Ec2Reply handle(String action, Map<String, String> params) {
    switch (action) {
      case "DescribeVpcs":
        return describeVpcs(params);
      case "DescribeSubnets":
        return describeSubnets(params);
      case "DescribeSecurityGroups":
        return describeSecurityGroups(params);
      case "CreateSecurityGroup":
        return createSecurityGroup(params);
      case "AuthorizeSecurityGroupIngress":
        return authorizeIngress(params);
      default:
        return null;
    }
  }

  private Ec2Reply describeVpcs(Map<String, String> params) {
    boolean defaultOnly = List.of("true").equals(Ec2Params.filters(params).get("is-default"));
    Ec2Xml xml = Ec2Xml.response("DescribeVpcs").open("vpcSet");
    if (hasDefaultVpc) {
      vpc(xml, DEFAULT_VPC, "172.31.0.0/16", true);
    }
    if (!defaultOnly) {
      vpc(xml, OTHER_VPC, "10.0.0.0/16", false);
    }
    return Ec2Reply.ok(xml.close("vpcSet").end("DescribeVpcs"));
  }

  private Ec2Reply describeSubnets(Map<String, String> params) {
    List<String> ids = Ec2Params.list(params, "SubnetId");
    for (String id : ids) {
      if (!id.equals(SUBNET_IN_OTHER_VPC)) {
        return Ec2Reply.error(400, "InvalidSubnetID.NotFound",
            "The subnet ID '" + id + "' does not exist");
      }
    }
    Ec2Xml xml = Ec2Xml.response("DescribeSubnets").open("subnetSet")
        .open("item").element("subnetId", SUBNET_IN_OTHER_VPC).element("state", "available")
        .element("vpcId", OTHER_VPC).element("cidrBlock", "10.0.1.0/24")
        .element("availableIpAddressCount", 250).element("availabilityZone", "eu-central-1a")
        .element("defaultForAz", false).element("mapPublicIpOnLaunch", true).close("item");
    return Ec2Reply.ok(xml.close("subnetSet").end("DescribeSubnets"));
  }

  private Ec2Reply describeSecurityGroups(Map<String, String> params) {
    Map<String, List<String>> filters = Ec2Params.filters(params);
    Ec2Xml xml = Ec2Xml.response("DescribeSecurityGroups").open("securityGroupInfo");
    for (Group group : groups) {
      if (accepts(filters, "group-name", group.name()) && accepts(filters, "vpc-id", group.vpcId())) {
        group(xml, group);
      }
    }
    return Ec2Reply.ok(xml.close("securityGroupInfo").end("DescribeSecurityGroups"));
  }

  private Ec2Reply createSecurityGroup(Map<String, String> params) {
    String name = params.get("GroupName");
    String vpcId = params.getOrDefault("VpcId", DEFAULT_VPC);
    if (params.get("GroupDescription") == null) {
      return Ec2Reply.error(400, "MissingParameter",
          "The request must contain the parameter GroupDescription");
    }
    for (Group group : groups) {
      if (group.name().equals(name) && group.vpcId().equals(vpcId)) {
        return Ec2Reply.error(400, "InvalidGroup.Duplicate",
            "The security group '" + name + "' already exists for VPC '" + vpcId + "'");
      }
    }
    Group group = newGroup(name, vpcId);
    return Ec2Reply.ok(Ec2Xml.response("CreateSecurityGroup").element("return", true)
        .element("groupId", group.id()).end("CreateSecurityGroup"));
  }

  private Ec2Reply authorizeIngress(Map<String, String> params) {
    String groupId = params.get("GroupId");
    Group group = groups.stream().filter(g -> g.id().equals(groupId)).findFirst().orElse(null);
    if (group == null) {
      return Ec2Reply.error(400, "InvalidGroup.NotFound",
          "The security group '" + groupId + "' does not exist");
    }
    String prefix = "IpPermissions.1.";
    if (!"tcp".equals(params.get(prefix + "IpProtocol")) || !"22".equals(params.get(prefix
        + "FromPort")) || !"22".equals(params.get(prefix + "ToPort"))) {
      return Ec2Reply.error(400, "InvalidParameterValue", "the fake only knows tcp/22 rules");
    }
    String cidr = params.get(prefix + "IpRanges.1.CidrIp");
    if (group.sshCidrs().contains(cidr)) {
      return Ec2Reply.error(400, "InvalidPermission.Duplicate", "the specified rule \"peer: " + cidr
          + ", TCP, from port: 22, to port: 22, ALLOW\" already exists");
    }
    group.sshCidrs().add(cidr);
    return Ec2Reply.ok(Ec2Xml.response("AuthorizeSecurityGroupIngress").element("return", true)
        .end("AuthorizeSecurityGroupIngress"));
  }

  private Group newGroup(String name, String vpcId, String... sshCidrs) {
    Group group = new Group(String.format("sg-%017x", ++counter), name, vpcId,
        new ArrayList<>(List.of(sshCidrs)));
    groups.add(group);
    return group;
  }

  private static boolean accepts(Map<String, List<String>> filters, String name, String value) {
    return !filters.containsKey(name) || filters.get(name).contains(value);
  }

  private static void vpc(Ec2Xml xml, String id, String cidr, boolean isDefault) {
    xml.open("item").element("vpcId", id).element("state", "available")
        .element("cidrBlock", cidr).element("dhcpOptionsId", "dopt-0123abcd")
        .element("instanceTenancy", "default").element("isDefault", isDefault).close("item");
  }

  private static void group(Ec2Xml xml, Group group) {
    xml.open("item").element("ownerId", Ec2Xml.OWNER_ID).element("groupId", group.id())
        .element("groupName", group.name())
        .element("groupDescription", "Crabbox leases: SSH in, nothing else")
        .element("vpcId", group.vpcId()).open("ipPermissions");
    for (String cidr : group.sshCidrs()) {
      xml.open("item").element("ipProtocol", "tcp").element("fromPort", 22)
          .element("toPort", 22).element("groups", null)
          .open("ipRanges").open("item").element("cidrIp", cidr).close("item").close("ipRanges")
          .element("ipv6Ranges", null).element("prefixListIds", null).close("item");
    }
    xml.close("ipPermissions").open("ipPermissionsEgress").open("item")
        .element("ipProtocol", "-1").element("groups", null)
        .open("ipRanges").open("item").element("cidrIp", "0.0.0.0/0").close("item")
        .close("ipRanges").close("item").close("ipPermissionsEgress").close("item");
  }
}
