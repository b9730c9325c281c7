package dev.crabbox.coordinator.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.ProviderSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provisioning against the fake EC2: what is sent, what comes back, and restarts. */
class AwsProvisionTest extends AwsProviderTestBase {

  @Test
  void provisionStartsTaggedInstanceAndWaitsUntilItRunsWithAnAddress() {
    ProvisionRequest request = request();

    Provisioned provisioned = Await.result(provider().provision(request));

    FakeEc2Account.Instance instance = ec2.account.instances.get(provisioned.providerRef());
    assertNotNull(instance, "the ref is the EC2 instance id");
    LeaseMachine machine = provisioned.machine();
    assertEquals("t3.small", machine.serverType());
    assertEquals(REGION, machine.region());
    assertEquals(new LeaseMachine.Ssh(instance.publicIp, 22, MachineBootstrap.SSH_USER,
        bootstrap.hostKeyFingerprint(request.secrets())), machine.ssh());
    assertEquals(new LeaseMachine.Cost(new BigDecimal("0.0208"), "USD"), machine.cost());
    assertEquals(List.of("DescribeInstances", "DescribeVpcs", "DescribeSecurityGroups",
        "CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "RunInstances",
        "DescribeInstances", "DescribeInstances"), ec2.actions(),
        "looks for the lease's instance, sets up SSH, starts one, polls past pending");
  }

  @Test
  void runInstancesCarriesImageTypeUserDataTagsAndClientToken() {
    ProvisionRequest request = request();
    Await.result(provider().provision(request));

    FakeEc2.Call run = ec2.calls("RunInstances").get(0);
    assertEquals(AMI, run.param("ImageId"));
    assertEquals("t3.small", run.param("InstanceType"));
    assertEquals("1", run.param("MinCount"));
    assertEquals("1", run.param("MaxCount"));
    assertEquals(LEASE, run.param("ClientToken"));
    assertEquals("terminate", run.param("InstanceInitiatedShutdownBehavior"));
    assertEquals(ec2.network.groups.get(0).id(), run.param("SecurityGroupId.1"));
    assertEquals(null, run.param("SubnetId"));
    assertEquals(bootstrap.userData(request), new String(
        Base64.getDecoder().decode(run.param("UserData")), StandardCharsets.UTF_8));
    assertEquals("instance", run.param("TagSpecification.1.ResourceType"));
    Map<String, String> expectedTags = new LinkedHashMap<>();
    expectedTags.put("crabbox-lease", LEASE);
    expectedTags.put("crabbox-owner", "alice");
    expectedTags.put("crabbox-desktop", "true");
    expectedTags.put("crabbox-browser", "true");
    expectedTags.put("crabbox-code", "false");
    expectedTags.put("Name", "crabbox-blue-crab");
    assertEquals(expectedTags, ec2.account.instances.values().iterator().next().tags);
  }

  @Test
  void launchWorkRunsOnTheProvidersWorkersNotAnEventLoop() {
    Await.result(provider().provision(request()));

    assertTrue(bootstrap.userDataThread.startsWith("crabbox-aws-ec2"), bootstrap.userDataThread);
  }

  @Test
  void everyCallIsSignedWithTheKeyIdAndNeverCarriesTheSecret() {
    Await.result(provider().provision(request()));

    for (FakeEc2.Call call : ec2.calls()) {
      String authorization = call.headers().get("Authorization");
      assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/"),
          authorization);
      assertTrue(authorization.contains("/" + REGION + "/ec2/aws4_request"), authorization);
      assertTrue(authorization.contains("Signature="), authorization);
      assertNotNull(call.headers().get("X-Amz-Date"));
      assertEquals("2016-11-15", call.param("Version"));
      assertFalse(call.headers().toString().contains(SECRET_KEY));
      assertFalse(call.params().toString().contains(SECRET_KEY));
    }
  }

  @Test
  void findsTheLeaseByTagAmongInstancesThatAreNotTerminated() {
    Await.result(provider().provision(request()));

    FakeEc2.Call find = ec2.calls("DescribeInstances").get(0);
    assertEquals("tag:crabbox-lease", find.param("Filter.1.Name"));
    assertEquals(LEASE, find.param("Filter.1.Value.1"));
    assertEquals("instance-state-name", find.param("Filter.2.Name"));
    assertEquals(List.of("pending", "running", "stopping", "stopped"),
        Ec2Params.list(find.params(), "Filter.2.Value"));
  }

  @Test
  void createsTheSshGroupInTheDefaultVpcOpenOnlyForPort22FromTheConfiguredRange() {
    Await.result(provider(config().put("sshCidr", "198.51.100.0/24")).provision(request()));

    assertEquals(1, ec2.network.groups.size());
    FakeEc2Network.Group group = ec2.network.groups.get(0);
    assertEquals(new FakeEc2Network.Group(group.id(), "crabbox-ssh", FakeEc2Network.DEFAULT_VPC,
        List.of("198.51.100.0/24")), group);
    FakeEc2.Call create = ec2.calls("CreateSecurityGroup").get(0);
    assertEquals(FakeEc2Network.DEFAULT_VPC, create.param("VpcId"));
    FakeEc2.Call ingress = ec2.calls("AuthorizeSecurityGroupIngress").get(0);
    assertEquals(group.id(), ingress.param("GroupId"));
    assertEquals("tcp", ingress.param("IpPermissions.1.IpProtocol"));
    assertEquals("22", ingress.param("IpPermissions.1.FromPort"));
    assertEquals("22", ingress.param("IpPermissions.1.ToPort"));
    assertEquals(null, ingress.param("IpPermissions.2.IpProtocol"));
    assertEquals(null, ingress.param("IpPermissions.1.IpRanges.2.CidrIp"));
  }

  @Test
  void reusesTheSshGroupThatAlreadyAllowsTheRange() {
    FakeEc2Network.Group group = ec2.network.addGroup(FakeEc2Network.DEFAULT_VPC, "0.0.0.0/0");

    Await.result(provider().provision(request()));

    assertFalse(ec2.actions().contains("CreateSecurityGroup"));
    assertFalse(ec2.actions().contains("AuthorizeSecurityGroupIngress"));
    assertEquals(group.id(), ec2.calls("RunInstances").get(0).param("SecurityGroupId.1"));
  }

  @Test
  void opensAnExistingSshGroupToANewlyConfiguredRange() {
    FakeEc2Network.Group group = ec2.network.addGroup(FakeEc2Network.DEFAULT_VPC, "0.0.0.0/0");

    Await.result(provider(config().put("sshCidr", "203.0.113.0/24")).provision(request()));

    assertFalse(ec2.actions().contains("CreateSecurityGroup"));
    assertEquals(List.of("0.0.0.0/0", "203.0.113.0/24"), group.sshCidrs());
  }

  @Test
  void aConfiguredSubnetPutsTheGroupAndInstanceInItsVpc() {
    Await.result(provider(config().put("subnetId", FakeEc2Network.SUBNET_IN_OTHER_VPC))
        .provision(request()));

    assertFalse(ec2.actions().contains("DescribeVpcs"));
    assertEquals(FakeEc2Network.SUBNET_IN_OTHER_VPC,
        ec2.calls("DescribeSubnets").get(0).param("SubnetId.1"));
    assertEquals(FakeEc2Network.OTHER_VPC, ec2.calls("CreateSecurityGroup").get(0).param("VpcId"));
    assertEquals(FakeEc2Network.SUBNET_IN_OTHER_VPC,
        ec2.calls("RunInstances").get(0).param("SubnetId"));
  }

  @Test
  void aNewInstanceEc2DoesNotShowYetIsWaitedFor() {
    ec2.account.invisiblePolls = 2;

    Provisioned provisioned = Await.result(provider().provision(request()));

    assertEquals(ec2.account.instances.get(provisioned.providerRef()).publicIp,
        provisioned.machine().ssh().host());
    assertEquals(5, ec2.calls("DescribeInstances").size(),
        "the lookup, two polls answered InvalidInstanceID.NotFound, pending, running");
  }

  @Test
  void resumesTheInstanceAlreadyStartedForTheLease() {
    ec2.account.addInstance("running", Map.of("crabbox-lease", "cbx_someone_else"));
    ec2.account.addInstance("terminated", Map.of("crabbox-lease", LEASE));
    FakeEc2Account.Instance mine = ec2.account.addInstance("pending",
        Map.of("crabbox-lease", LEASE));

    Provisioned provisioned = Await.result(provider().provision(request()));

    assertEquals(mine.id, provisioned.providerRef());
    assertEquals(mine.publicIp, provisioned.machine().ssh().host());
    assertEquals(List.of("DescribeInstances", "DescribeInstances", "DescribeInstances"),
        ec2.actions(), "no security group work and no RunInstances");
  }

  @Test
  void provisioningTwiceLeavesOneInstance() {
    LeaseProvider provider = provider();
    Provisioned first = Await.result(provider.provision(request()));
    Provisioned second = Await.result(provider.provision(request()));

    assertEquals(first, second);
    assertEquals(1, ec2.calls("RunInstances").size());
    assertEquals(1, ec2.account.instances.size());
  }

  @Test
  void theInstanceTypeOptionChoosesTheSize() {
    Provisioned provisioned = Await.result(provider()
        .provision(request(Map.of("instanceType", "m7g.large"))));

    assertEquals("m7g.large", ec2.calls("RunInstances").get(0).param("InstanceType"));
    assertEquals("m7g.large", provisioned.machine().serverType());
  }

  @Test
  void withoutAPriceTheMachineHasNoCost() {
    Provisioned provisioned = Await.result(provider(config().put("hourlyPrice", (String) null))
        .provision(request()));

    assertEquals(null, provisioned.machine().cost());
  }

  @Test
  void validateAcceptsLinuxAndTheInstanceTypeOption() {
    LeaseProvider provider = provider();

    assertEquals(ProviderSpec.AWS, provider.spec());
    provider.validate(request(Map.of("instanceType", "t3.medium")));
    provider.validate(request(Map.of("serverType", "t3.medium")));
  }

  @Test
  void validateRefusesOtherTargets() {
    ProvisionRequest windows = new ProvisionRequest(LEASE, "blue-crab", "alice", "", "windows",
        null, "", Map.of(), Map.of());

    ProviderException e = assertThrows(ProviderException.class, () -> provider().validate(windows));
    assertEquals("aws leases run Linux only; target \"windows\" is not supported", e.getMessage());
  }

  @Test
  void validateRefusesUnknownOptionsAndBadInstanceTypes() {
    LeaseProvider provider = provider();

    assertEquals("aws: unknown option \"region\"; known options: instanceType, serverType",
        assertThrows(ProviderException.class,
            () -> provider.validate(request(Map.of("region", "us-east-1")))).getMessage());
    assertEquals("aws: \"huge\" is not an EC2 instance type (e.g. t3.small, m7g.large)",
        assertThrows(ProviderException.class,
            () -> provider.validate(request(Map.of("instanceType", "huge")))).getMessage());
    assertEquals("aws: options instanceType \"t3.small\" and serverType \"t3.large\" disagree; "
        + "set one of them", assertThrows(ProviderException.class, () -> provider.validate(
            request(Map.of("instanceType", "t3.small", "serverType", "t3.large")))).getMessage());
  }

  @Test
  void prepareSecretsComeFromTheBootstrap() {
    ProvisionRequest request = request();

    assertEquals(bootstrap.prepareSecrets(request), provider().prepareSecrets(request));
  }
}
