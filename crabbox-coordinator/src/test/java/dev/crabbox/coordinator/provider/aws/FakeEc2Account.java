package dev.crabbox.coordinator.provider.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The instances the fake EC2 endpoint knows in one account and region, and the instance actions of
 * the Query API (RunInstances, DescribeInstances, TerminateInstances): each takes the request's
 * form parameters and answers the status and XML EC2 would. Instances start pending and run after
 * a number of polls. Called on the fake's event loop; tests read it after the provider's futures
 * completed.
 */
final class FakeEc2Account {

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
    String vpcId = FakeEc2Network.DEFAULT_VPC;
    String clientToken = "";
    String userData;
    List<String> groupIds = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    Instance(String id, int number) {
      this.id = id;
      this.number = number;
    }
  }

  final Map<String, Instance> instances = new LinkedHashMap<>();
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

  /** The answer to an instance action, or null when {@code action} is not one. */
  synchronized Ec2Reply handle(String action, Map<String, String> params) {
    switch (action) {
      case "DescribeInstances":
        return describeInstances(params);
      case "RunInstances":
        return runInstances(params);
      case "TerminateInstances":
        return terminateInstances(params);
      default:
        return null;
    }
  }

  private Ec2Reply describeInstances(Map<String, String> params) {
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
    return Ec2Reply.ok(Ec2Xml.response("DescribeInstances").reservations(matching)
        .end("DescribeInstances"));
  }

  private Ec2Reply runInstances(Map<String, String> params) {
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
        instance.vpcId = FakeEc2Network.OTHER_VPC;
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
    return Ec2Reply.ok(xml.end("RunInstances"));
  }

  private Ec2Reply terminateInstances(Map<String, String> params) {
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
    return Ec2Reply.ok(xml.close("instancesSet").end("TerminateInstances"));
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

  private static Ec2Reply notFound(String id) {
    return Ec2Reply.error(400, "InvalidInstanceID.NotFound",
        "The instance ID '" + id + "' does not exist");
  }
}
