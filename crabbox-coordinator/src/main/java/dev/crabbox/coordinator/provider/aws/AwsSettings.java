package dev.crabbox.coordinator.provider.aws;

import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.protocol.api.LeaseMachine;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The {@code providers.aws} section, checked. Region and credentials may come from the standard
 * AWS environment variables instead; nothing else is looked up (no profile files, no instance
 * metadata), so a coordinator only ever uses the account it was told to use.
 *
 * @param region the EC2 region leases start in
 * @param credentials the access key pair (its {@code toString} never shows the secret)
 * @param endpoint an EC2 endpoint instead of the region's own, or null
 * @param ami the image every lease starts from (a Linux image with cloud-init)
 * @param instanceType the instance type when a lease does not ask for one
 * @param subnetId the subnet instances start in, or null for the default VPC's default subnet
 * @param sshCidr who may reach port 22 of lease instances
 * @param cost the hourly price shown with leases, or null (EC2 publishes no price in its API)
 * @param apiCallTimeout how long one EC2 call may take, retries included
 * @param maxAttempts how many times the SDK tries one call (1 = no retries)
 * @param pollInterval how often a starting instance is looked at
 * @param provisionTimeout how long an instance may take to run with a public address
 */
record AwsSettings(
    String region,
    AwsCredentials credentials,
    URI endpoint,
    String ami,
    String instanceType,
    String subnetId,
    String sshCidr,
    LeaseMachine.Cost cost,
    Duration apiCallTimeout,
    int maxAttempts,
    Duration pollInterval,
    Duration provisionTimeout) {

  static final String DEFAULT_INSTANCE_TYPE = "t3.small";
  static final String DEFAULT_SSH_CIDR = "0.0.0.0/0";
  static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(30);
  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
  static final Duration DEFAULT_PROVISION_TIMEOUT = Duration.ofMinutes(10);

  static final Set<String> KEYS = new TreeSet<>(List.of("region", "accessKeyId",
      "secretAccessKey", "sessionToken", "endpoint", "ami", "instanceType", "subnetId", "sshCidr",
      "hourlyPrice", "currency", "apiCallTimeout", "maxAttempts", "pollInterval",
      "provisionTimeout"));

  private static final String INSTANCE_TYPE = "[a-z0-9-]+\\.[a-z0-9-]+";
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final String IPV4_CIDR =
      OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "/(3[0-2]|[12]?\\d)";

  /**
   * Reads the settings; empty when AWS is not configured at all (no region and no credentials
   * anywhere, or only part of them in the environment with no {@code providers.aws} section).
   *
   * @throws IllegalArgumentException naming the setting that is missing or wrong; the message
   *     never contains a credential
   */
  static Optional<AwsSettings> read(ProviderContext context) {
    Reader in = new Reader(context);
    return in.enabled() ? Optional.of(in.settings()) : Optional.empty();
  }

  /** Whether {@code value} is an instance type such as {@code t3.small} or {@code m7g.2xlarge}. */
  static boolean isInstanceType(String value) {
    return value.matches(INSTANCE_TYPE);
  }

  /** The settings, never the secret: for logs. */
  @Override
  public String toString() {
    return "AwsSettings[region=" + region + ", endpoint=" + endpoint + ", ami=" + ami
        + ", instanceType=" + instanceType + ", subnetId=" + subnetId + ", sshCidr=" + sshCidr
        + "]";
  }

  /** One pass over the section; keeps the parse steps out of the record. */
  private static final class Reader {
    private final ProviderContext context;
    private final String region;
    private final String accessKeyId;
    private final String secretAccessKey;

    Reader(ProviderContext context) {
      this.context = context;
      refuseUnknownKeys();
      region = context.setting("region", "AWS_REGION", "AWS_DEFAULT_REGION");
      accessKeyId = context.setting("accessKeyId", "AWS_ACCESS_KEY_ID");
      secretAccessKey = context.setting("secretAccessKey", "AWS_SECRET_ACCESS_KEY");
    }

    boolean enabled() {
      boolean complete = region != null && accessKeyId != null && secretAccessKey != null;
      boolean any = region != null || accessKeyId != null || secretAccessKey != null;
      return complete || (any && !context.config().isEmpty());
    }

    AwsSettings settings() {
      requireEnablingSettings();
      String sessionToken = context.setting("sessionToken", "AWS_SESSION_TOKEN");
      AwsCredentials credentials = sessionToken == null
          ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
          : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken);
      return new AwsSettings(
          matching("region", region, "[a-z0-9-]+", "a region name like eu-central-1"),
          credentials,
          endpoint(),
          matching("ami", required("ami",
              "the id of a Linux image with cloud-init in " + region + ", e.g. ami-0abcdef1234567890"),
              "ami-[0-9a-f]{8,17}", "an AMI id like ami-0abcdef1234567890"),
          matching("instanceType", optional("instanceType", DEFAULT_INSTANCE_TYPE), INSTANCE_TYPE,
              "an instance type like t3.small"),
          optionalMatching("subnetId", "subnet-[0-9a-f]{8,17}",
              "a subnet id like subnet-0abc1234def567890"),
          matching("sshCidr", optional("sshCidr", DEFAULT_SSH_CIDR), IPV4_CIDR,
              "an IPv4 address range like 203.0.113.0/24 or 0.0.0.0/0"),
          cost(),
          duration("apiCallTimeout", DEFAULT_API_CALL_TIMEOUT),
          maxAttempts(),
          duration("pollInterval", DEFAULT_POLL_INTERVAL),
          duration("provisionTimeout", DEFAULT_PROVISION_TIMEOUT));
    }

    private void refuseUnknownKeys() {
      for (String key : context.config().fieldNames()) {
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("providers.aws." + key
              + " is not a setting; known settings: " + String.join(", ", KEYS));
        }
      }
    }

    private void requireEnablingSettings() {
      List<String> missing = new ArrayList<>();
      if (region == null) {
        missing.add("providers.aws.region (or AWS_REGION)");
      }
      if (accessKeyId == null) {
        missing.add("providers.aws.accessKeyId (or AWS_ACCESS_KEY_ID)");
      }
      if (secretAccessKey == null) {
        missing.add("providers.aws.secretAccessKey (or AWS_SECRET_ACCESS_KEY)");
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("the aws provider is partly configured; also set "
            + String.join(", ", missing));
      }
    }

    private String optional(String key, String fallback) {
      String value = context.config().getString(key);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    private String required(String key, String what) {
      String value = optional(key, null);
      if (value == null) {
        throw new IllegalArgumentException(
            "providers.aws." + key + " is required when the aws provider is enabled: " + what);
      }
      return value;
    }

    private String optionalMatching(String key, String pattern, String what) {
      String value = optional(key, null);
      return value == null ? null : matching(key, value, pattern, what);
    }

    private static String matching(String key, String value, String pattern, String what) {
      if (!value.matches(pattern)) {
        throw new IllegalArgumentException(
            "providers.aws." + key + " must be " + what + ", not \"" + value + "\"");
      }
      return value;
    }

    private URI endpoint() {
      String value = optional("endpoint", null);
      if (value == null) {
        return null;
      }
      try {
        URI uri = new URI(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
          return uri;
        }
      } catch (java.net.URISyntaxException e) {
        // falls through to the message below
      }
      throw new IllegalArgumentException("providers.aws.endpoint must be an http(s) URL like "
          + "https://ec2.eu-central-1.amazonaws.com, not \"" + value + "\"");
    }

    private LeaseMachine.Cost cost() {
      String price = optional("hourlyPrice", null);
      String currency = optional("currency", null);
      if (price == null) {
        if (currency != null) {
          throw new IllegalArgumentException(
              "providers.aws.currency is set without providers.aws.hourlyPrice");
        }
        return null;
      }
      BigDecimal hourly;
      try {
        hourly = new BigDecimal(price);
      } catch (NumberFormatException e) {
        hourly = BigDecimal.ONE.negate();
      }
      if (hourly.signum() < 0) {
        throw new IllegalArgumentException("providers.aws.hourlyPrice must be a price per hour "
            + "like 0.0208, not \"" + price + "\"");
      }
      String code = currency == null ? "USD" : currency.toUpperCase(Locale.ROOT);
      matching("currency", code, "[A-Z]{3}", "a currency code like USD");
      return new LeaseMachine.Cost(hourly, code);
    }

    private Duration duration(String key, Duration fallback) {
      String value = optional(key, null);
      return value == null ? fallback : SettingDurations.parse(key, value);
    }

    private int maxAttempts() {
      String value = optional("maxAttempts", null);
      if (value == null) {
        return DEFAULT_MAX_ATTEMPTS;
      }
      if (!value.matches("10|[1-9]")) {
        throw new IllegalArgumentException(
            "providers.aws.maxAttempts must be a whole number from 1 to 10, not \"" + value + "\"");
      }
      return Integer.parseInt(value);
    }
  }
}
