package dev.crabbox.portal.github;

import dev.crabbox.portal.login.OneUseCodes;
import io.vertx.core.json.JsonObject;

/**
 * A sign-in between the redirect to GitHub and GitHub's redirect back: the browser-binding value
 * (the same value is in the browser's cookie), where to go afterwards, and, for a terminal login,
 * the CLI's loopback request.
 *
 * @param cli null for a browser sign-in
 */
record PendingLogin(String binding, String next, CliRequest cli) {

  /** As JSON in the shared map of pending sign-ins. */
  static final OneUseCodes.Codec<PendingLogin> JSON = new OneUseCodes.Codec<>() {
    @Override
    public JsonObject encode(PendingLogin pending) {
      return new JsonObject().put("binding", pending.binding()).put("next", pending.next())
          .put("cli", pending.cli() == null ? null : pending.cli().toJson());
    }

    @Override
    public PendingLogin decode(JsonObject json) {
      JsonObject cli = json.getJsonObject("cli");
      return new PendingLogin(json.getString("binding"), json.getString("next"),
          cli == null ? null : CliRequest.fromJson(cli));
    }
  };
}
