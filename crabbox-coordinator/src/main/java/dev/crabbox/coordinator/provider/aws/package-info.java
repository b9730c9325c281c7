/**
 * The {@code aws} lease provider: leases on AWS EC2 through the AWS SDK v2 on the JDK
 * URL-connection HTTP client. {@link dev.crabbox.coordinator.provider.aws.AwsProviderFactory}
 * reads {@code providers.aws}; {@link dev.crabbox.coordinator.provider.aws.AwsProvider} starts,
 * finds (by the {@code crabbox-lease} tag) and terminates one instance per lease, in the shared
 * {@code crabbox-ssh} security group that lets in SSH only.
 */
package dev.crabbox.coordinator.provider.aws;
