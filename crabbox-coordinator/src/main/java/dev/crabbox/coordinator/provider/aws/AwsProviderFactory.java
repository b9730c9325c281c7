package dev.crabbox.coordinator.provider.aws;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProviderFactory;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code aws} provider from the {@code providers.aws} section (region, credentials,
 * AMI, instance type, network, price, timeouts), with region and credentials also taken from
 * {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} (and
 * {@code AWS_SESSION_TOKEN}). Absent when neither region nor credentials are set. No AWS call is
 * made here: a wrong key shows up on the first lease, as its failure.
 */
public final class AwsProviderFactory implements ProviderFactory {

  private static final Logger LOG = LoggerFactory.getLogger(AwsProviderFactory.class);

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public String howToEnable() {
    return "set providers.aws.region, providers.aws.accessKeyId, providers.aws.secretAccessKey "
        + "(or AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and providers.aws.ami in "
        + "the coordinator config";
  }

  @Override
  public Future<Optional<LeaseProvider>> create(ProviderContext context) {
    Optional<AwsSettings> settings;
    try {
      settings = AwsSettings.read(context);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new ProviderException(e.getMessage()));
    }
    if (settings.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    AwsSettings aws = settings.get();
    return context.vertx()
        .executeBlocking(() -> Ec2Clients.create(aws), false)
        .recover(failure -> Future.failedFuture(new ProviderException(
            "aws: cannot set up the EC2 client: " + failure.getMessage(), failure)))
        .map(ec2 -> {
          LOG.info("aws provider ready: {}", aws);
          return Optional.of(new AwsProvider(context.vertx(), context.bootstrap(), aws, ec2));
        });
  }
}
