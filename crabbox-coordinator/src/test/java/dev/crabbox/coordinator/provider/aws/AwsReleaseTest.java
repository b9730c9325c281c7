package dev.crabbox.coordinator.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.coordinator.support.Await;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Release terminates the lease's instance and succeeds when nothing is left. */
class AwsReleaseTest extends AwsProviderTestBase {

  @Test
  void releaseTerminatesTheProvisionedInstance() {
    LeaseProvider provider = provider();
    Provisioned provisioned = Await.result(provider.provision(request()));

    Await.result(provider.release(LEASE, provisioned.providerRef()));

    assertEquals(List.of(provisioned.providerRef()),
        Ec2Params.list(ec2.calls("TerminateInstances").get(0).params(), "InstanceId"));
    assertEquals("shutting-down", ec2.account.instances.get(provisioned.providerRef()).state);
  }

  @Test
  void releasingAnInstanceEc2NoLongerKnowsSucceeds() {
    Await.result(provider().release(LEASE, "i-0000000000000dead"));

    assertEquals(List.of("TerminateInstances"), ec2.actions());
  }

  @Test
  void releasingTwiceSucceeds() {
    LeaseProvider provider = provider();
    Provisioned provisioned = Await.result(provider.provision(request()));

    Await.result(provider.release(LEASE, provisioned.providerRef()));
    Await.result(provider.release(LEASE, provisioned.providerRef()));
    Await.result(provider.release(LEASE, null));

    assertEquals(2, ec2.calls("TerminateInstances").size(), "the last one found nothing to end");
  }

  @Test
  void releaseWithoutRefTerminatesWhatIsTaggedWithTheLease() {
    FakeEc2Account.Instance other = ec2.account.addInstance("running",
        Map.of("crabbox-lease", "cbx_someone_else"));
    FakeEc2Account.Instance mine = ec2.account.addInstance("pending",
        Map.of("crabbox-lease", LEASE));

    Await.result(provider().release(LEASE, null));

    assertEquals(List.of(mine.id),
        Ec2Params.list(ec2.calls("TerminateInstances").get(0).params(), "InstanceId"));
    assertEquals("shutting-down", mine.state);
    assertEquals("running", other.state);
  }

  @Test
  void releaseWithoutRefAndNoInstanceTerminatesNothing() {
    Await.result(provider().release(LEASE, null));

    assertFalse(ec2.actions().contains("TerminateInstances"));
  }

  @Test
  void aRefusedTerminationFailsTheRelease() {
    ec2.fail("TerminateInstances", 403, "UnauthorizedOperation",
        "You are not authorized to perform this operation.");

    ProviderException e = providerFailure(provider().release(LEASE, "i-0123456789abcdef0"));

    assertEquals("aws: You are not authorized to perform this operation. (UnauthorizedOperation)",
        e.getMessage());
  }
}
