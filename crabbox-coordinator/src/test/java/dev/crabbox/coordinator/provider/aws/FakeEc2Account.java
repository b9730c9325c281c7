package dev.crabbox.coordinator.provider.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the fake EC2 endpoint knows about one account in one region: a default VPC, instances and
 * security groups, and the Query API actions the aws provider uses. Each action takes the form
 * parameters of the request and answers the status and XML EC2 would. Called on the fake's event
 * loop only; tests read it after the provider's futures completed.
 */
final class FakeEc2Account {

  static final String DEFAULT_VPC = "vpc-0a1b2c3d4e5f60718";
  static final String OTHER_VPC = "vpc-0f9e8d7c6b5a49382";
  static final String SUBNET_IN_OTHER_VPC = "subnet-0123456789abcdef0";

  /** A reply: HTTP status and XML body. */
  record Reply(int status, String body) {
    static Reply ok(String body) {
      return new Reply(200, body);
    }

    static Reply error(int status, String code, String message) {
      return new Reply(status, Ec2Xml.error(code, message));
    }
  }

  /** One instance; fields are mutable as EC2's state is. */
  static final class Instance {
    final String id;
    final int number;
    String imageId = "ami-0abcdef1234567890";
    String type = "t3.small";
    String state = "pending";
    String publicIp;
    String stateReason;
    String subnetId = "subnet-0aaaaaaaaaaaaaaaa";
    String vpcId = DEFAULT_VPC;
    String clientToken = "";
    String userData;
    List<String> groupIds = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    Instance(String id, int number) {
      this.id = id;
      this.number = number;
    }
  }

  /** One security group and the CIDRs its port-22 rules allow. */
  record Group(String id, String name, String vpcId, List<String> sshCidrs) {}

  final Map<String, Instance> instances = new LinkedHashMap<>();
  final List<Group> groups = new ArrayList<>();
  boolean hasDefaultVpc = true;
  /** How many DescribeInstances answers show a new instance pending before it runs. */
  int pendingPolls = 1;
  /** How many DescribeInstances calls by id miss the instance (EC2 is eventually consistent). */
  int invisiblePolls;
  /** Whether running instances get a public IPv4 address. */
  boolean assignsPublicIp = true;
  private int counter;

  /** Adds an instance, as if started earlier (e.g. before a coordinator restart). */
  synchronized Instance addInstance(String state, Map<String, String> tags) {
    Instance instance = newInstance();
    instance.state = state;
    instance.tags.putAll(tags);
    if (state.equals("running")) {
      instance.publicIp = "203.0.113." + instance.number;
    }
    return instance;
  }

  synchronized Group addGroup(String vpcId, String... sshCidrs) {
    Group group = new Group(String.format("sg-%017x", ++counter), SshSecurityGroup.NAME, vpcId,
        new ArrayList<>(List.of(sshCidrs)));
    groups.add(group);
    return group;
  }

  synchronized Reply handle(String action, Map<String, String> params) {
    switch (action) {
      case "DescribeInstances":
        return describeInstances(params);
      case "RunInstances":
        return runInstances(params);
      case "TerminateInstances":
        return terminateInstances(params);
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
        return Reply.error(400, "InvalidAction",
            "The action " + action + " is not valid for this web service.");
    }
  }

  private Reply describeInstances(Map<String, String> params) {
    List<String> ids = Ec2Params.list(params, "InstanceId");
    for (String id : ids) {
      if (!instances.containsKey(id)) {
        return notFound(id);
      }
    }
    if (!ids.isEmpty() && invisiblePolls > 0) {
      invisiblePolls--;
      return notFound(ids.get(0));
    }
    Map<String, List<String>> filters = Ec2Params.filters(params);
    List<Instance> matching = instances.values().stream()
        .filter(i -> ids.isEmpty() || ids.contains(i.id))
        .filter(i -> matches(i, filters))
        .collect(Collectors.toList());
    if (!ids.isEmpty()) {
      matching.forEach(this::advance);
    }
    return Reply.ok(Ec2Xml.response("DescribeInstances").reservations(matching)
        .end("DescribeInstances"));
  }

  private Reply runInstances(Map<String, String> params) {
    String token = params.getOrDefault("ClientToken", "");
    Instance instance = instances.values().stream()
        .filter(i -> !token.isEmpty() && token.equals(i.clientToken)).findFirst().orElse(null);
    if (instance == null) {
      instance = newInstance();
      instance.imageId = params.get("ImageId");
      instance.type = params.get("InstanceType");
      instance.clientToken = token;
      instance.userData = params.get("UserData");
      instance.groupIds = Ec2Params.list(params, "SecurityGroupId");
      if (params.containsKey("SubnetId")) {
        instance.subnetId = params.get("SubnetId");
        instance.vpcId = OTHER_VPC;
      }
      if ("instance".equals(params.get("TagSpecification.1.ResourceType"))) {
        for (int n = 1; params.containsKey("TagSpecification.1.Tag." + n + ".Key"); n++) {
          instance.tags.put(params.get("TagSpecification.1.Tag." + n + ".Key"),
              params.get("TagSpecification.1.Tag." + n + ".Value"));
        }
      }
    }
    Ec2Xml xml = Ec2Xml.response("RunInstances")
        .element("reservationId", "r-" + instance.id.substring(2))
        .element("ownerId", Ec2Xml.OWNER_ID)
        .element("groupSet", null)
        .open("instancesSet").instance(instance).close("instancesSet");
    return Reply.ok(xml.end("RunInstances"));
  }

  private Reply terminateInstances(Map<String, String> params) {
    List<String> ids = Ec2Params.list(params, "InstanceId");
    for (String id : ids) {
      if (!instances.containsKey(id)) {
        return notFound(id);
      }
    }
    Ec2Xml xml = Ec2Xml.response("TerminateInstances").open("instancesSet");
    for (String id : ids) {
      Instance instance = instances.get(id);
      String previous = instance.state;
      instance.state = previous.equals("terminated") ? "terminated" : "shutting-down";
      instance.stateReason = "Client.UserInitiatedShutdown";
      xml.open("item").element("instanceId", id).state("currentState", instance.state)
          .state("previousState", previous).close("item");
    }
    return Reply.ok(xml.close("instancesSet").end("TerminateInstances"));
  }

  private Reply describeVpcs(Map<String, String> params) {
    boolean defaultOnly = List.of("true").equals(Ec2Params.filters(params).get("is-default"));
    Ec2Xml xml = Ec2Xml.response("DescribeVpcs").open("vpcSet");
    if (hasDefaultVpc) {
      vpc(xml, DEFAULT_VPC, "172.31.0.0/16", true);
    }
    if (!defaultOnly) {
      vpc(xml, OTHER_VPC, "10.0.0.0/16", false);
    }
    return Reply.ok(xml.close("vpcSet").end("DescribeVpcs"));
  }

  private Reply describeSubnets(Map<String, String> params) {
    List<String> ids = Ec2Params.list(params, "SubnetId");
    for (String id : ids) {
      if (!id.equals(SUBNET_IN_OTHER_VPC)) {
        return Reply.error(400, "InvalidSubnetID.NotFound",
            "The subnet ID '" + id + "' does not exist");
      }
    }
    Ec2Xml xml = Ec2Xml.response("DescribeSubnets").open("subnetSet")
        .open("item").element("subnetId", SUBNET_IN_OTHER_VPC).element("state", "available")
        .element("vpcId", OTHER_VPC).element("cidrBlock", "10.0.1.0/24")
        .element("availableIpAddressCount", 250).element("availabilityZone", "eu-central-1a")
        .element("defaultForAz", false).element("mapPublicIpOnLaunch", true).close("item");
    return Reply.ok(xml.close("subnetSet").end("DescribeSubnets"));
  }

  private Reply describeSecurityGroups(Map<String, String> params) {
    Map<String, List<String>> filters = Ec2Params.filters(params);
    Ec2Xml xml = Ec2Xml.response("DescribeSecurityGroups").open("securityGroupInfo");
    for (Group group : groups) {
      if (accepts(filters, "group-name", group.name()) && accepts(filters, "vpc-id", group.vpcId())) {
        group(xml, group);
      }
    }
    return Reply.ok(xml.close("securityGroupInfo").end("DescribeSecurityGroups"));
  }

  private Reply createSecurityGroup(Map<String, String> params) {
    String name = params.get("GroupName");
    String vpcId = params.getOrDefault("VpcId", DEFAULT_VPC);
    if (params.get("GroupDescription") == null) {
      return Reply.error(400, "MissingParameter",
          "The request must contain the parameter GroupDescription");
    }
    for (Group group : groups) {
      if (group.name().equals(name) && group.vpcId().equals(vpcId)) {
        return Reply.error(400, "InvalidGroup.Duplicate",
            "The security group '" + name + "' already exists for VPC '" + vpcId + "'");
      }
    }
    Group group = new Group(String.format("sg-%017x", ++counter), name, vpcId, new ArrayList<>());
    groups.add(group);
    return Reply.ok(Ec2Xml.response("CreateSecurityGroup").element("return", true)
        .element("groupId", group.id()).end("CreateSecurityGroup"));
  }

  private Reply authorizeIngress(Map<String, String> params) {
    String groupId = params.get("GroupId");
    Group group = groups.stream().filter(g -> g.id().equals(groupId)).findFirst().orElse(null);
    if (group == null) {
      return Reply.error(400, "InvalidGroup.NotFound",
          "The security group '" + groupId + "' does not exist");
    }
    String prefix = "IpPermissions.1.";
    if (!"tcp".equals(params.get(prefix + "IpProtocol")) || !"22".equals(params.get(prefix
        + "FromPort")) || !"22".equals(params.get(prefix + "ToPort"))) {
      return Reply.error(400, "InvalidParameterValue", "the fake only knows tcp/22 rules");
    }
    String cidr = params.get(prefix + "IpRanges.1.CidrIp");
    if (group.sshCidrs().contains(cidr)) {
      return Reply.error(400, "InvalidPermission.Duplicate", "the specified rule \"peer: " + cidr
          + ", TCP, from port: 22, to port: 22, ALLOW\" already exists");
    }
    group.sshCidrs().add(cidr);
    return Reply.ok(Ec2Xml.response("AuthorizeSecurityGroupIngress").element("return", true)
        .end("AuthorizeSecurityGroupIngress"));
  }

  private Instance newInstance() {
    int number = ++counter;
    Instance instance = new Instance(String.format("i-%017x", number), number);
    instances.put(instance.id, instance);
    return instance;
  }

  /** A pending instance runs (with an address, if the subnet gives one) after enough polls. */
  private void advance(Instance instance) {
    if (!instance.state.equals("pending")) {
      return;
    }
    if (pendingPolls > 0) {
      pendingPolls--;
      return;
    }
    instance.state = "running";
    instance.publicIp = assignsPublicIp ? "203.0.113." + instance.number : null;
  }

  private static boolean matches(Instance instance, Map<String, List<String>> filters) {
    for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
      String name = filter.getKey();
      String value = name.startsWith("tag:") ? instance.tags.get(name.substring(4))
          : name.equals("instance-state-name") ? instance.state : null;
      if (!filter.getValue().contains(value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepts(Map<String, List<String>> filters, String name, String value) {
    return !filters.containsKey(name) || filters.get(name).contains(value);
  }

  private static Reply notFound(String id) {
    return Reply.error(400, "InvalidInstanceID.NotFound",
        "The instance ID '" + id + "' does not exist");
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
