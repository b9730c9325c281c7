package dev.crabbox.coordinator.provider.aws;

import dev.crabbox.coordinator.provider.ProviderException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns what the AWS SDK throws into a {@link ProviderException} an operator can act on:
 * {@code aws: <EC2's message> (<EC2's error code>)} for refusals, a plain sentence for timeouts
 * and unreachable endpoints. Credentials are cut out of every message, whatever produced it.
 */
final class Ec2Failures {

  /** EC2 codes that may pass when the same call is made later (besides throttling and 5xx). */
  private static final Set<String> RETRYABLE_CODES = Set.of("RequestLimitExceeded", "Throttling",
      "InsufficientInstanceCapacity", "InsufficientCapacity", "ServiceUnavailable", "Unavailable",
      "InternalError", "RequestExpired");

  private final Duration apiCallTimeout;
  private final List<String> secrets = new ArrayList<>();

  Ec2Failures(Duration apiCallTimeout, AwsCredentials credentials) {
    this.apiCallTimeout = apiCallTimeout;
    secrets.add(credentials.accessKeyId());
    secrets.add(credentials.secretAccessKey());
    if (credentials instanceof AwsSessionCredentials session) {
      secrets.add(session.sessionToken());
    }
  }

  /** The EC2 error code of {@code failure}, or null when EC2 did not answer with one. */
  static String errorCode(Throwable failure) {
    if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.awsErrorDetails().errorCode();
    }
    return null;
  }

  /** {@code failure} as the operator should read it; a ProviderException passes unchanged. */
  ProviderException toProviderException(Throwable failure) {
    if (failure instanceof ProviderException provider) {
      return provider;
    }
    if (failure instanceof AwsServiceException service) {
      return fromService(service);
    }
    if (isTimeout(failure)) {
      return new ProviderException("aws EC2 API did not answer within "
          + SettingDurations.format(apiCallTimeout), true, null);
    }
    if (failure instanceof SdkClientException) {
      return new ProviderException(
          redact("aws EC2 API could not be reached: " + failure.getMessage()), true, null);
    }
    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getMessage();
    return new ProviderException(redact("aws: " + detail), false, null);
  }

  /** {@code text} with every credential replaced. */
  String redact(String text) {
    String out = text == null ? "" : text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        out = out.replace(secret, "[redacted]");
      }
    }
    return out;
  }

  private ProviderException fromService(AwsServiceException service) {
    String code = errorCode(service);
    String message = service.awsErrorDetails() == null ? null
        : service.awsErrorDetails().errorMessage();
    if (message == null || message.isBlank()) {
      // The JDK's HTTP client drops the body of a 401 to a POST; EC2 sends 401 for bad keys.
      message = service.statusCode() == 401 || service.statusCode() == 403
          ? "EC2 did not accept the credentials (HTTP " + service.statusCode() + "); check "
              + "providers.aws.accessKeyId and providers.aws.secretAccessKey"
          : "EC2 refused the request with HTTP status " + service.statusCode();
    }
    boolean retryable = service.isThrottlingException() || service.statusCode() >= 500
        || (code != null && RETRYABLE_CODES.contains(code));
    String text = code == null ? "aws: " + message : "aws: " + message + " (" + code + ")";
    // No cause: the SDK's exception carries request details that do not belong in lease records.
    return new ProviderException(redact(text), retryable, null);
  }

  private static boolean isTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
          || t instanceof SocketTimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
