package pressroom.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF protection for every state-changing request (double-submit cookie): each visitor holds a
 * random token in an HttpOnly cookie; pages carry it in {@code <meta name="csrf-token">} and forms
 * in a hidden {@code _csrf} field, JSON calls in the {@code X-CSRF-Token} header. A POST, PUT,
 * PATCH or DELETE without the matching token gets 403. The token is replaced at sign-in.
 *
 * <p>Pages that every anonymous visitor shares (articles, listings) carry no token, so that a
 * shared cache can keep them; their forms (sign in, bookmark) are sent by someone not signed in.
 * For those the browser's word that the form came from one of our own pages stands in for the
 * token: {@code Sec-Fetch-Site: same-origin}, or, from a browser too old to send that, an {@code
 * Origin} naming this site. A request with neither (no browser sends a cross-site form without
 * them) still needs the token, which the sign-in and registration pages issue themselves.
 */
public final class Csrf {
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  private static final String ATTRIBUTE = "pressroom.csrf";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String cookieName;
  private final boolean secure;
  private final String siteOrigin;

  /**
   * @param baseUrl the site's public address: an {@code Origin} naming it is our own
   */
  public Csrf(boolean secure, java.net.URI baseUrl) {
    this.secure = secure;
    this.cookieName = secure ? "__Host-pressroom-csrf" : "pressroom-csrf";
    this.siteOrigin = origin(baseUrl);
  }

  public String cookieName() {
    return cookieName;
  }

  /** The visitor's token, issuing one (with its cookie) if they have none yet. */
  public String token(Context ctx) {
    String t = ctx.attribute(ATTRIBUTE);
    if (t == null) {
      t = ctx.cookie(cookieName);
      if (!wellFormed(t)) {
        t = issue(ctx);
      }
      ctx.attribute(ATTRIBUTE, t);
    }
    return t;
  }

  /** A new token, e.g. at sign-in, so a token seen before cannot be replayed after it. */
  public String issue(Context ctx) {
    String t = newToken();
    ctx.cookie(cookie(t));
    ctx.attribute(ATTRIBUTE, t);
    return t;
  }

  public Cookie cookie(String token) {
    Cookie c = new Cookie(cookieName, token);
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSecure(secure);
    c.setSameSite(SameSite.LAX);
    return c;
  }

  /**
   * Stops a state-changing request whose token is missing or wrong with 403, unless it comes from
   * someone not signed in through one of our own pages (see the class comment).
   */
  public void check(Context ctx, boolean signedIn) {
    if (SAFE.contains(ctx.method().name())) {
      return;
    }
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new PageException(
          403,
          "Form refused",
          "This form was sent from another site, so it was not accepted. If you meant to send"
              + " it, open this site's own page and send it from there.");
    }
    if (!signedIn && (site != null ? site.equals("same-origin") : ownOrigin(ctx))) {
      return;
    }
    String expected = ctx.cookie(cookieName);
    String sent = ctx.header(HEADER);
    if (sent == null && isForm(ctx)) {
      sent = ctx.formParam(FIELD);
    }
    if (!wellFormed(expected)
        || sent == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            sent.getBytes(StandardCharsets.US_ASCII))) {
      throw new PageException(
          403,
          "Form expired",
          "This form could not be accepted because its security token was missing or out of date."
              + " Go back, reload the page and try again.");
    }
  }

  /**
   * True when the request's Origin is this site's public address (PRESSROOM_BASE_URL), scheme
   * included. Not the Host it asked for: that would trust whatever address a request names.
   */
  private boolean ownOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return false;
    }
    java.net.URI o;
    try {
      o = new java.net.URI(origin.strip());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    if (o.getScheme() == null || o.getRawAuthority() == null) {
      return false;
    }
    return origin(o).equals(siteOrigin);
  }

  private static String origin(java.net.URI u) {
    return (u.getScheme() + "://" + u.getRawAuthority()).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isForm(Context ctx) {
    String ct = ctx.contentType();
    return ct != null
        && (ct.startsWith("application/x-www-form-urlencoded")
            || ct.startsWith("multipart/form-data"));
  }

  public static boolean wellFormed(String token) {
    if (token == null || token.length() != 43) {
      return false;
    }
    for (int i = 0; i < 43; i++) {
      char c = token.charAt(i);
      if (!(c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  public static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
