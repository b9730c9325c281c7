package dev.crabbox.coordinator.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which configurations enable the provider, and what a wrong one says. */
class AwsProviderFactoryTest extends AwsProviderTestBase {

  private static final Map<String, String> AWS_ENV = Map.of("AWS_REGION", "us-east-1",
      "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);

  private final AwsProviderFactory factory = new AwsProviderFactory();

  @Test
  void namesItselfAndHowToEnableIt() {
    assertEquals("aws", factory.name());
    for (String needed : new String[] {"providers.aws.region", "AWS_REGION", "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY", "providers.aws.ami"}) {
      assertTrue(factory.howToEnable().contains(needed), needed);
    }
  }

  @Test
  void nothingConfiguredMeansNoProvider() {
    assertEquals(Optional.empty(), Await.result(create(new JsonObject(), Map.of())));
  }

  @Test
  void aRegionAloneInTheEnvironmentMeansNoProvider() {
    assertEquals(Optional.empty(),
        Await.result(create(new JsonObject(), Map.of("AWS_REGION", "us-east-1"))));
  }

  @Test
  void regionAndCredentialsMayComeFromTheEnvironment() {
    LeaseProvider provider = Await.result(create(new JsonObject().put("ami", AMI), AWS_ENV))
        .orElseThrow();
    try {
      assertEquals(ProviderSpec.AWS, provider.spec());
      assertEquals("aws", provider.name());
    } finally {
      Await.result(provider.close());
    }
  }

  @Test
  void environmentCredentialsWithoutAmiNameTheMissingSetting() {
    String message = failure(create(new JsonObject(), AWS_ENV));

    assertEquals("providers.aws.ami is required when the aws provider is enabled: the id of a "
        + "Linux image with cloud-init in us-east-1, e.g. ami-0abcdef1234567890", message);
  }

  @Test
  void aPartlyConfiguredSectionNamesWhatIsMissingWithoutEchoingTheKey() {
    JsonObject config = new JsonObject().put("region", REGION).put("accessKeyId", ACCESS_KEY)
        .put("ami", AMI);

    String message = failure(create(config, Map.of()));

    assertEquals("the aws provider is partly configured; also set providers.aws.secretAccessKey "
        + "(or AWS_SECRET_ACCESS_KEY)", message);
  }

  @Test
  void anUnknownSettingIsRefused() {
    String message = failure(create(config().put("instancetype", "t3.large"), Map.of()));

    assertTrue(message.startsWith("providers.aws.instancetype is not a setting; known settings: "),
        message);
    assertTrue(message.contains("instanceType"), message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ami|ubuntu-24.04|providers.aws.ami must be an AMI id like ami-0abcdef1234567890, not \"ubuntu-24.04\"",
      "instanceType|large|providers.aws.instanceType must be an instance type like t3.small, not \"large\"",
      "subnetId|subnet-x|providers.aws.subnetId must be a subnet id like subnet-0abc1234def567890, not \"subnet-x\"",
      "sshCidr|everyone|providers.aws.sshCidr must be an IPv4 address range like 203.0.113.0/24 or 0.0.0.0/0, not \"everyone\"",
      "sshCidr|10.0.0.0/33|providers.aws.sshCidr must be an IPv4 address range like 203.0.113.0/24 or 0.0.0.0/0, not \"10.0.0.0/33\"",
      "endpoint|ftp://ec2.example|providers.aws.endpoint must be an http(s) URL like https://ec2.eu-central-1.amazonaws.com, not \"ftp://ec2.example\"",
      "hourlyPrice|cheap|providers.aws.hourlyPrice must be a price per hour like 0.0208, not \"cheap\"",
      "currency|dollars|providers.aws.currency must be a currency code like USD, not \"DOLLARS\"",
      "apiCallTimeout|soon|providers.aws.apiCallTimeout is not a duration: \"soon\" (use seconds or text like \"30s\", \"10m\", \"500ms\")",
      "pollInterval|0s|providers.aws.pollInterval must be longer than zero",
      "maxAttempts|0|providers.aws.maxAttempts must be a whole number from 1 to 10, not \"0\"",
      "region|EU Central|providers.aws.region must be a region name like eu-central-1, not \"EU Central\""})
  void aWrongValueIsNamedWithWhatItShouldBe(String key, String value, String expected) {
    assertEquals(expected, failure(create(config().put(key, value), Map.of())));
  }

  @Test
  void aCurrencyNeedsAPrice() {
    JsonObject config = config().put("currency", "EUR");
    config.remove("hourlyPrice");

    assertEquals("providers.aws.currency is set without providers.aws.hourlyPrice",
        failure(create(config, Map.of())));
  }

  @Test
  void settingsDefaultsAndTheirTextNeverShowTheSecret() {
    JsonObject config = new JsonObject().put("region", REGION).put("accessKeyId", ACCESS_KEY)
        .put("secretAccessKey", SECRET_KEY).put("ami", AMI);

    AwsSettings settings = AwsSettings.read(context(config, Map.of())).orElseThrow();

    assertEquals("t3.small", settings.instanceType());
    assertEquals("0.0.0.0/0", settings.sshCidr());
    assertEquals(null, settings.subnetId());
    assertEquals(null, settings.endpoint());
    assertEquals(null, settings.cost());
    assertEquals(Duration.ofSeconds(30), settings.apiCallTimeout());
    assertEquals(3, settings.maxAttempts());
    assertEquals(Duration.ofSeconds(2), settings.pollInterval());
    assertEquals(Duration.ofMinutes(10), settings.provisionTimeout());
    assertFalse(settings.toString().contains(SECRET_KEY), settings.toString());
    assertFalse(settings.credentials().toString().contains(SECRET_KEY));
  }

  @Test
  void durationsAndPricesAcceptTheUsualSpellings() {
    AwsSettings settings = AwsSettings.read(context(config().put("apiCallTimeout", 45)
        .put("provisionTimeout", "1h30m").put("hourlyPrice", 0.0416).put("currency", "eur"),
        Map.of())).orElseThrow();

    assertEquals(Duration.ofSeconds(45), settings.apiCallTimeout());
    assertEquals(Duration.ofMinutes(90), settings.provisionTimeout());
    assertEquals(Duration.ofMillis(10), settings.pollInterval());
    assertEquals("0.0416", settings.cost().hourly().toPlainString());
    assertEquals("EUR", settings.cost().currency());
  }

  private Future<Optional<LeaseProvider>> create(JsonObject config, Map<String, String> env) {
    return factory.create(context(config, env));
  }

  private static String failure(Future<?> future) {
    String message = providerFailure(future).getMessage();
    assertFalse(message.contains(SECRET_KEY), message);
    assertFalse(message.contains(ACCESS_KEY), message);
    return message;
  }
}
