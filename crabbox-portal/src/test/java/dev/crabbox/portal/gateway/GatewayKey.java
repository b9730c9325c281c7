package dev.crabbox.portal.gateway;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** An access gateway's signing key made in the test: its public JWK and RS256 JWTs it signs. */
final class GatewayKey {

  private final String kid;
  private final KeyPair pair;

  GatewayKey(String kid) throws GeneralSecurityException {
    this.kid = kid;
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    this.pair = generator.generateKeyPair();
  }

  /** The public key as the gateway's certs endpoint lists it. */
  JsonObject jwk() {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    return new JsonObject().put("kid", kid).put("kty", "RSA").put("alg", "RS256")
        .put("use", "sig").put("e", unsigned(key.getPublicExponent()))
        .put("n", unsigned(key.getModulus()));
  }

  /** A JWT with {@code claims}, signed RS256 with this key. */
  String sign(JsonObject claims) throws GeneralSecurityException {
    String signingInput = encode(new JsonObject().put("alg", "RS256").put("kid", kid)
        .put("typ", "JWT").encode()) + "." + encode(claims.encode());
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(pair.getPrivate());
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  /** The same claims with {@code "alg": "none"} and no signature. */
  static String unsigned(JsonObject claims) {
    return encode(new JsonObject().put("alg", "none").put("typ", "JWT").encode()) + "."
        + encode(claims.encode()) + ".";
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
