package dev.crabbox.coordinator.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads request bodies that must be a JSON object; an absent body is an empty object. */
public final class JsonBodies {

  private JsonBodies() {}

  public static JsonObject object(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0 || body.toString().isBlank()) {
      return new JsonObject();
    }
    try {
      Object value = Buffer.buffer(body.toString().trim()).toJsonValue();
      if (value instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException e) {
      throw ApiException.badRequest("request body is not valid JSON");
    }
    throw ApiException.badRequest("request body must be a JSON object");
  }

  /** An optional string field; present but not a string is a 400. */
  public static String optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    throw ApiException.badRequest("\"" + field + "\" must be a string");
  }
}
