package dev.crabbox.coordinator.provider.aws;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * EC2 Query API responses, shaped as in the EC2 API reference: a {@code <ActionResponse>} root in
 * the {@code 2016-11-15} namespace with a {@code requestId}, lists as {@code <item>} elements
 * inside {@code ...Set} wrappers, and errors as {@code <Response><Errors><Error>}.
 */
final class Ec2Xml {

  static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
  static final String OWNER_ID = "123456789012";

  private final StringBuilder out = new StringBuilder();

  private Ec2Xml() {}

  /** Starts {@code <action>Response xmlns=...><requestId>...}. */
  static Ec2Xml response(String action) {
    Ec2Xml xml = new Ec2Xml();
    xml.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action)
        .append("Response xmlns=\"").append(NAMESPACE).append("\">");
    return xml.element("requestId", UUID.randomUUID().toString());
  }

  /** The error document EC2 sends with a 4xx/5xx status. */
  static String error(String code, String message) {
    Ec2Xml xml = new Ec2Xml();
    xml.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>");
    xml.element("Code", code).element("Message", message);
    xml.out.append("</Error></Errors>");
    return xml.element("RequestID", UUID.randomUUID().toString()).out.append("</Response>")
        .toString();
  }

  Ec2Xml element(String name, Object value) {
    if (value == null) {
      out.append('<').append(name).append("/>");
    } else {
      out.append('<').append(name).append('>').append(escape(value.toString())).append("</")
          .append(name).append('>');
    }
    return this;
  }

  Ec2Xml open(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  Ec2Xml close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** One instance as in {@code instancesSet} of RunInstances and DescribeInstances. */
  Ec2Xml instance(FakeEc2Account.Instance instance) {
    open("item")
        .element("instanceId", instance.id)
        .element("imageId", instance.imageId)
        .state("instanceState", instance.state)
        .element("privateDnsName", "ip-10-0-0-" + instance.number + ".eu-central-1.compute.internal")
        .element("dnsName", instance.publicIp == null ? null
            : "ec2-" + instance.publicIp.replace('.', '-') + ".eu-central-1.compute.amazonaws.com")
        .element("reason", null)
        .element("amiLaunchIndex", 0)
        .element("productCodes", null)
        .element("instanceType", instance.type)
        .element("launchTime", "2026-11-25T17:00:00.000Z")
        .open("placement").element("availabilityZone", "eu-central-1a")
        .element("groupName", null).element("tenancy", "default").close("placement")
        .open("monitoring").element("state", "disabled").close("monitoring")
        .element("subnetId", instance.subnetId)
        .element("vpcId", instance.vpcId)
        .element("privateIpAddress", "10.0.0." + instance.number);
    if (instance.publicIp != null) {
      element("ipAddress", instance.publicIp);
    }
    open("groupSet");
    for (String groupId : instance.groupIds) {
      open("item").element("groupId", groupId).element("groupName", SshSecurityGroup.NAME)
          .close("item");
    }
    close("groupSet")
        .element("architecture", "x86_64")
        .element("rootDeviceType", "ebs")
        .element("rootDeviceName", "/dev/xvda")
        .element("virtualizationType", "hvm")
        .element("clientToken", instance.clientToken)
        .tags(instance.tags)
        .element("hypervisor", "xen");
    if (instance.stateReason != null) {
      open("stateReason").element("code", instance.stateReason)
          .element("message", instance.stateReason + ": User initiated shutdown")
          .close("stateReason");
    }
    return close("item");
  }

  /** A reservation per instance, as DescribeInstances lists them. */
  Ec2Xml reservations(List<FakeEc2Account.Instance> instances) {
    open("reservationSet");
    for (FakeEc2Account.Instance instance : instances) {
      open("item").element("reservationId", "r-" + instance.id.substring(2))
          .element("ownerId", OWNER_ID).element("groupSet", null)
          .open("instancesSet").instance(instance).close("instancesSet").close("item");
    }
    return close("reservationSet");
  }

  Ec2Xml state(String element, String name) {
    return open(element).element("code", stateCode(name)).element("name", name).close(element);
  }

  Ec2Xml tags(Map<String, String> tags) {
    open("tagSet");
    tags.forEach((key, value) -> open("item").element("key", key).element("value", value)
        .close("item"));
    return close("tagSet");
  }

  /** Closes the root element and returns the document. */
  String end(String action) {
    return close(action + "Response").out.toString();
  }

  private static int stateCode(String name) {
    switch (name) {
      case "pending":
        return 0;
      case "running":
        return 16;
      case "shutting-down":
        return 32;
      case "terminated":
        return 48;
      case "stopping":
        return 64;
      default:
        return 80;
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
