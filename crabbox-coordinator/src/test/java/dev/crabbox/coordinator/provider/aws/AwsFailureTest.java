package dev.crabbox.coordinator.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.support.Await;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an operator reads when EC2 refuses, throttles, stalls, or the instance never comes up. */
class AwsFailureTest extends AwsProviderTestBase {

  private static final String LIMIT_MESSAGE = "You have requested more instances (1) than your "
      + "current instance limit of 0 allows for the specified instance type. Please visit "
      + "http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.";

  @Test
  void instanceLimitExceededFailsWithEc2sReasonAndCode() {
    ec2.fail("RunInstances", 400, "InstanceLimitExceeded", LIMIT_MESSAGE);

    ProviderException e = providerFailure(provider().provision(request()));

    assertEquals("aws: " + LIMIT_MESSAGE + " (InstanceLimitExceeded)", e.getMessage());
    assertFalse(e.retryable());
  }

  @Test
  void unauthorizedOperationStopsBeforeAnythingIsStarted() {
    ec2.fail("DescribeInstances", 403, "UnauthorizedOperation",
        "You are not authorized to perform this operation.");

    ProviderException e = providerFailure(provider().provision(request()));

    assertEquals("aws: You are not authorized to perform this operation. (UnauthorizedOperation)",
        e.getMessage());
    assertFalse(e.retryable());
    assertEquals(List.of("DescribeInstances"), ec2.actions());
  }

  @Test
  void throttlingIsRetryable() {
    ec2.fail("RunInstances", 503, "RequestLimitExceeded", "Request limit exceeded.");

    ProviderException e = providerFailure(provider().provision(request()));

    assertEquals("aws: Request limit exceeded. (RequestLimitExceeded)", e.getMessage());
    assertTrue(e.retryable());
    assertEquals(1, ec2.calls("RunInstances").size(), "maxAttempts 1: the SDK does not retry");
  }

  @Test
  void theSdkRetriesUpToMaxAttempts() {
    ec2.fail("DescribeInstances", 500, "InternalError", "An internal error has occurred.");

    ProviderException e = providerFailure(provider(config().put("maxAttempts", 2))
        .release(LEASE, null));

    assertEquals("aws: An internal error has occurred. (InternalError)", e.getMessage());
    assertTrue(e.retryable());
    assertEquals(2, ec2.calls("DescribeInstances").size());
  }

  @Test
  void anEndpointThatNeverAnswersTimesOut() {
    ec2.neverAnswer("DescribeInstances");

    ProviderException e = providerFailure(provider(config().put("apiCallTimeout", "300ms"))
        .provision(request()));

    assertEquals("aws EC2 API did not answer within 300ms", e.getMessage());
    assertTrue(e.retryable());
  }

  @Test
  void anUnreachableEndpointSaysSo() {
    String closed = ec2.endpoint().toString();
    Await.result(ec2.close());
    ec2 = Await.result(FakeEc2.start(vertx));

    ProviderException e = providerFailure(provider(config().put("endpoint", closed))
        .provision(request()));

    assertTrue(e.getMessage().startsWith("aws EC2 API could not be reached: "), e.getMessage());
    assertTrue(e.retryable());
  }

  @Test
  void anInstanceThatStoppedFailsTheLease() {
    FakeEc2Account.Instance stopped = ec2.account.addInstance("stopped",
        Map.of("crabbox-lease", LEASE));
    stopped.stateReason = "Client.InstanceInitiatedShutdown";

    ProviderException e = providerFailure(provider().provision(request()));

    assertEquals("aws: instance " + stopped.id + " is stopped instead of running "
        + "(Client.InstanceInitiatedShutdown: User initiated shutdown)", e.getMessage());
  }

  @Test
  void anInstanceStillPendingAtTheDeadlineFailsRetryably() {
    ec2.account.pendingPolls = Integer.MAX_VALUE;

    ProviderException e = providerFailure(provider(config().put("provisionTimeout", "200ms"))
        .provision(request()));

    String id = ec2.account.instances.keySet().iterator().next();
    assertEquals("aws: instance " + id + " was not running after 200ms (state: pending)",
        e.getMessage());
    assertTrue(e.retryable());
  }

  @Test
  void aRunningInstanceWithoutPublicAddressPointsAtTheSubnet() {
    ec2.account.assignsPublicIp = false;

    ProviderException e = providerFailure(provider(config().put("provisionTimeout", "200ms"))
        .provision(request()));

    String id = ec2.account.instances.keySet().iterator().next();
    assertEquals("aws: instance " + id + " is running but has no public IP address after 200ms; "
        + "set providers.aws.subnetId to a subnet that gives instances public IPv4 addresses",
        e.getMessage());
  }

  @Test
  void userDataPastEc2sLimitIsRefusedBeforeStarting() {
    bootstrap.padding = 16 * 1024;

    ProviderException e = providerFailure(provider().provision(request()));

    assertTrue(e.getMessage().startsWith("aws: the lease's cloud-init is "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; EC2 accepts at most 16384 bytes of user data"),
        e.getMessage());
    assertFalse(ec2.actions().contains("RunInstances"));
  }

  @Test
  void anAccountWithoutDefaultVpcNeedsASubnet() {
    ec2.network.hasDefaultVpc = false;

    ProviderException e = providerFailure(provider().provision(request()));

    assertEquals("aws: the account has no default VPC in eu-central-1; set providers.aws.subnetId"
        + " to a subnet that gives instances public IPv4 addresses", e.getMessage());
  }

  @Test
  void rejectedCredentialsSayWhichSettingsToCheck() {
    ec2.fail("DescribeInstances", 401, "AuthFailure",
        "AWS was not able to validate the provided access credentials");

    ProviderException e = providerFailure(provider().provision(request()));

    assertEquals("aws: EC2 did not accept the credentials (HTTP 401); check "
        + "providers.aws.accessKeyId and providers.aws.secretAccessKey", e.getMessage());
    assertFalse(e.retryable());
  }

  @Test
  void credentialsAreCutOutOfEc2Messages() {
    // EC2 echoes rejected parameter values; a key pasted into the wrong setting would come back.
    ec2.fail("RunInstances", 400, "InvalidParameterValue",
        "Value (" + ACCESS_KEY + "/" + SECRET_KEY + ") for parameter ImageId is invalid");

    ProviderException e = providerFailure(provider().provision(request()));

    assertEquals("aws: Value ([redacted]/[redacted]) for parameter ImageId is invalid "
        + "(InvalidParameterValue)", e.getMessage());
  }

  @Test
  void aProvisionFailureCarriesNoSdkException() {
    ec2.fail("RunInstances", 400, "InvalidAMIID.NotFound",
        "The image id '[" + AMI + "]' does not exist");

    ProviderException e = providerFailure(provider().provision(request()));

    assertEquals("aws: The image id '[" + AMI + "]' does not exist (InvalidAMIID.NotFound)",
        e.getMessage());
    assertEquals(null, e.getCause(), "the SDK exception holds request details; it stays out");
  }
}
