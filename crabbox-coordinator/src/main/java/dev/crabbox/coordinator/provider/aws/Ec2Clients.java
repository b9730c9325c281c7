package dev.crabbox.coordinator.provider.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Builds the EC2 client: the JDK URL-connection HTTP client (never the SDK's Netty client, which
 * would clash with the Netty Vert.x brings), the configured key pair only, and an empty profile
 * file so nothing in {@code ~/.aws} changes how the coordinator talks to EC2.
 */
final class Ec2Clients {

  /** Connecting should be quick; the rest of a call is bounded by the API call timeout. */
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private Ec2Clients() {}

  /** A new client; blocking (class loading, TLS setup), so call it off the event loop. */
  static Ec2Client create(AwsSettings settings) {
    Duration callTimeout = settings.apiCallTimeout();
    Duration connectTimeout =
        callTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? callTimeout : MAX_CONNECT_TIMEOUT;
    ProfileFile noProfiles = ProfileFile.aggregator().build();
    var builder = Ec2Client.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(StaticCredentialsProvider.create(settings.credentials()))
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(connectTimeout)
            .socketTimeout(callTimeout))
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .apiCallTimeout(callTimeout)
            .retryStrategy(retry -> retry.maxAttempts(settings.maxAttempts()))
            .defaultProfileFile(noProfiles)
            .defaultProfileName("default")
            .build());
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }
}
