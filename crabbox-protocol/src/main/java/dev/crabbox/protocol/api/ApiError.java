package dev.crabbox.protocol.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Every API failure body: {@code {"error":"<code>","message":"<text>"}}. */
public record ApiError(String error, String message) {

  public ApiError {
    Objects.requireNonNull(error, "error");
    message = message == null ? "" : message;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("error", error);
    json.put("message", message);
    return json;
  }

  public static ApiError fromJson(Map<String, Object> json) {
    return new ApiError(Fields.string(json, "error"), Fields.stringOrEmpty(json, "message"));
  }
}
