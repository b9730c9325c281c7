package dev.crabbox.portal.login;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import io.vertx.core.json.JsonObject;

/** A {@link Caller} as the JSON a shared map holds, so any coordinator node can read it back. */
public final class CallerJson implements OneUseCodes.Codec<Caller> {

  /** The one instance; it holds no state. */
  public static final CallerJson INSTANCE = new CallerJson();

  private CallerJson() {}

  @Override
  public JsonObject encode(Caller caller) {
    return new JsonObject().put("owner", caller.owner()).put("org", caller.org())
        .put("role", caller.role().wire());
  }

  @Override
  public Caller decode(JsonObject json) {
    return new Caller(json.getString("owner"), json.getString("org"),
        Role.parse(json.getString("role")));
  }
}
