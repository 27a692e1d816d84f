package pressroom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Reading JSON request bodies the same way everywhere: an object, or a 400 that says why. */
public final class JsonBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  public static JsonNode object(Context ctx) {
    try {
      JsonNode n = JSON.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw PageException.badRequest("The body must be a JSON object.");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw PageException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A field as text, or null when it is missing or null. */
  public static String text(JsonNode in, String field) {
    JsonNode v = in.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
