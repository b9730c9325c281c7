package dev.crabbox.portal.github;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * What {@code crabbox login} asks for when it opens the browser: the loopback port it listens on
 * (the coordinator only ever redirects to {@code http://127.0.0.1:<port>/callback}, never to a
 * host a page could choose), the nonce it will accept on that callback, and the SHA-256 challenge
 * of the verifier it will redeem the code with.
 */
record CliRequest(int port, String nonce, String challenge) {

  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,128}");
  /** base64url without padding of 32 bytes. */
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Reads {@code port}, {@code nonce} and {@code challenge}; throws with a readable reason. */
  static CliRequest parse(MultiMap query) {
    int port;
    try {
      port = Integer.parseInt(String.valueOf(query.get("port")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the login URL has no valid loopback port");
    }
    if (port < 1024 || port > 65535) {
      throw new IllegalArgumentException("the loopback port must be 1024..65535");
    }
    String nonce = query.get("nonce");
    String challenge = query.get("challenge");
    if (nonce == null || !NONCE.matcher(nonce).matches()) {
      throw new IllegalArgumentException("the login URL has no valid nonce");
    }
    if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
      throw new IllegalArgumentException("the login URL has no valid challenge");
    }
    return new CliRequest(port, nonce, challenge);
  }

  /** Where the browser goes with the one-use code once the sign-in is done. */
  String callback(String code) {
    return "http://127.0.0.1:" + port + "/callback?code=" + code + "&nonce=" + nonce;
  }

  JsonObject toJson() {
    return new JsonObject().put("port", port).put("nonce", nonce).put("challenge", challenge);
  }

  static CliRequest fromJson(JsonObject json) {
    return new CliRequest(json.getInteger("port"), json.getString("nonce"),
        json.getString("challenge"));
  }
}
