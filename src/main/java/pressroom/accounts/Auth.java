package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import pressroom.web.Access;
import pressroom.web.Chrome.Viewer;
import pressroom.web.PageException;

/** Who is signed in on this request: reads the session cookie once and remembers the account. */
public final class Auth {
  private static final String ACCOUNT = "pressroom.account";
  private static final String ENROL_FIRST = "pressroom.enrol-first";

  private final Sessions sessions;
  private final boolean secure;
  private final InstantSource clock;
  private final SecuritySettings settings;

  public Auth(Sessions sessions, boolean secure, InstantSource clock, SecuritySettings settings) {
    this.sessions = sessions;
    this.secure = secure;
    this.clock = clock;
    this.settings = settings;
  }

  /** Before every request that has a session cookie: resolve it (expired ones are cleared). */
  public void resolve(Context ctx) {
    String value = ctx.cookie(sessions.cookieName());
    // Static files and pictures are the same for everyone: no session lookup, no cookie.
    if (value == null || ctx.path().startsWith("/static/") || ctx.path().startsWith("/pictures/")) {
      return;
    }
    Instant now = clock.instant();
    Optional<Account> a = sessions.account(value, now);
    if (a.isPresent()) {
      // A suspended staff member keeps reading, but loses the staff pages until someone lifts it.
      Access.Role role = a.get().suspended(now) ? Access.Role.READER : a.get().role();
      // Staff without a second factor, when admins require one, get no staff page until set up.
      if (role != Access.Role.READER && settings.mustEnrol(a.get().id())) {
        ctx.attribute(ENROL_FIRST, Boolean.TRUE);
        role = Access.Role.READER;
      }
      ctx.attribute(Access.ROLE, role);
      // The account as this request may act: every rule that reads its role (a staff member's
      // comment skipping the newcomers' hold, the masthead's links) sees the same role as the
      // routes.
      ctx.attribute(ACCOUNT, a.get().actingAs(role));
    } else {
      ctx.removeCookie(sessions.cookieName(), "/");
    }
  }

  /** True when the signed-in staff member must set up a second factor before any staff page. */
  public static boolean mustEnrolFirst(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(ENROL_FIRST));
  }

  public static Optional<Account> account(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ACCOUNT));
  }

  /** The signed-in account, or a 401 (JSON) / redirect to sign in (pages). */
  public static Account required(Context ctx) {
    return account(ctx)
        .orElseThrow(() -> new PageException(401, "Please sign in", "Sign in to use this page."));
  }

  public static Viewer viewer(Context ctx) {
    return account(ctx)
        .map(a -> new Viewer(a.userId(), a.shownName(), a.role(), a.verified()))
        .orElse(null);
  }

  /** Sets the session cookie: persistent for "keep me signed in", else ends with the browser. */
  public void signedIn(Context ctx, String sessionValue, boolean remember) {
    Cookie c = new Cookie(sessions.cookieName(), sessionValue);
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSecure(secure);
    c.setSameSite(SameSite.LAX);
    if (remember) {
      c.setMaxAge((int) Sessions.REMEMBER_ABSOLUTE.toSeconds());
    }
    ctx.cookie(c);
  }

  /**
   * Marks this browser as the one that registered, for as long as the confirmation link lives: only
   * here does the link sign in. Sent to /verify only.
   */
  public void registering(Context ctx, String value) {
    Cookie c = new Cookie(registeringCookie(), value);
    c.setPath("/verify");
    c.setHttpOnly(true);
    c.setSecure(secure);
    c.setSameSite(SameSite.LAX);
    c.setMaxAge((int) AccountMail.VERIFY_TTL.toSeconds());
    ctx.cookie(c);
  }

  /** The value {@link #registering} set in this browser, or null. */
  public String registeringValue(Context ctx) {
    return ctx.cookie(registeringCookie());
  }

  public void registered(Context ctx) {
    ctx.removeCookie(registeringCookie(), "/verify");
  }

  // Not __Host-: that prefix needs the path /, and this cookie goes to /verify only.
  private String registeringCookie() {
    return secure ? "__Secure-pressroom-registering" : "pressroom-registering";
  }

  public void signedOut(Context ctx) {
    String value = ctx.cookie(sessions.cookieName());
    if (value != null) {
      sessions.end(value);
    }
    ctx.removeCookie(sessions.cookieName(), "/");
  }

  public String sessionCookieName() {
    return sessions.cookieName();
  }

  public String sessionValue(Context ctx) {
    return ctx.cookie(sessions.cookieName());
  }
}
