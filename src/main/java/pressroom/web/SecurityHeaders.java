package pressroom.web;

import io.javalin.http.Context;
import java.util.Map;

/** Headers every response carries: a strict CSP without inline script, and friends. */
public final class SecurityHeaders {
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  public static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CSP,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "strict-origin-when-cross-origin",
          "X-Frame-Options", "DENY",
          "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

  /**
   * The same, encoded once, for the handlers in front of the framework (FastPath, StaticAssets).
   */
  public static final org.eclipse.jetty.http.HttpField[] ENCODED =
      HEADERS.entrySet().stream()
          .map(
              e ->
                  (org.eclipse.jetty.http.HttpField)
                      new org.eclipse.jetty.http.PreEncodedHttpField(e.getKey(), e.getValue()))
          .toArray(org.eclipse.jetty.http.HttpField[]::new);

  private SecurityHeaders() {}

  public static void apply(Context ctx) {
    HEADERS.forEach(ctx::header);
  }
}
