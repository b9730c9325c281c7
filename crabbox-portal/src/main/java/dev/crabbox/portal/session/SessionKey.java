package dev.crabbox.portal.session;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.auth.PubSecKeyOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key session cookies are signed with: derived from the coordinator's signing key with
 * HMAC-SHA256 over a fixed label. A session cookie therefore never verifies as a {@code /v1}
 * bearer token, and a bearer token never verifies as a session, while one key file still backs
 * both.
 */
final class SessionKey {

  static final String ALGORITHM = "HS256";
  private static final String LABEL = "crabbox portal session v1";

  private SessionKey() {}

  static PubSecKeyOptions derive(PubSecKeyOptions coordinatorKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(coordinatorKey.getBuffer().getBytes(), "HmacSHA256"));
      byte[] derived = mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8));
      return new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(Buffer.buffer(derived));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
