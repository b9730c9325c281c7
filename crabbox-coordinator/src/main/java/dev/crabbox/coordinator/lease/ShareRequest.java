package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.LeaseShares;
import dev.crabbox.coordinator.store.ShareAccess;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Body and answer of the share routes: {@code {"users":{"alice":"use"|"manage"},"org":"use"|"manage"|null}}. */
public final class ShareRequest {

  private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}");

  private ShareRequest() {}

  public static LeaseShares parse(JsonObject body) {
    Map<String, ShareAccess> users = new LinkedHashMap<>();
    Object usersValue = body.getValue("users");
    if (usersValue != null && !(usersValue instanceof JsonObject)) {
      throw ApiException.badRequest("\"users\" must be an object of user name to \"use\" or \"manage\"");
    }
    if (usersValue instanceof JsonObject map) {
      for (String user : map.fieldNames()) {
        if (!USER.matcher(user).matches()) {
          throw ApiException.badRequest("not a user name: \"" + user + "\"");
        }
        users.put(user, access("users." + user, map.getValue(user)));
      }
    }
    Object orgValue = body.getValue("org");
    ShareAccess org = orgValue == null ? null : access("org", orgValue);
    return new LeaseShares(users, org);
  }

  private static ShareAccess access(String field, Object value) {
    if (value instanceof String text) {
      return ShareAccess.parse(text).orElseThrow(() -> badAccess(field));
    }
    throw badAccess(field);
  }

  private static ApiException badAccess(String field) {
    return ApiException.badRequest("\"" + field + "\" must be \"use\" or \"manage\"");
  }

  public static JsonObject toJson(LeaseShares shares) {
    JsonObject users = new JsonObject();
    shares.sortedUsers().forEach((user, access) -> users.put(user, access.wire()));
    return new JsonObject().put("users", users)
        .put("org", shares.org() == null ? null : shares.org().wire());
  }
}
