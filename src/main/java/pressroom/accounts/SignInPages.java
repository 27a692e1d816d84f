package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;
import pressroom.web.Access;
import pressroom.web.Csrf;

/** Signing in and out. */
public final class SignInPages {
  private final SignIns signIns;
  private final AccountDao accounts;
  private final Auth auth;
  private final Csrf csrf;
  private final AccountViews views;
  private final BiConsumer<Account, String> afterSignIn;
  private final PendingSignIns pending;
  private final SecuritySettings settings;
  private final boolean secureCookies;

  /**
   * @param afterSignIn finishes what the reader started before signing in (e.g. a bookmark)
   */
  public SignInPages(
      SignIns signIns,
      AccountDao accounts,
      Auth auth,
      Csrf csrf,
      AccountViews views,
      BiConsumer<Account, String> afterSignIn,
      PendingSignIns pending,
      SecuritySettings settings,
      boolean secureCookies) {
    this.signIns = signIns;
    this.accounts = accounts;
    this.auth = auth;
    this.csrf = csrf;
    this.views = views;
    this.afterSignIn = afterSignIn;
    this.pending = pending;
    this.settings = settings;
    this.secureCookies = secureCookies;
  }

  public void signInForm(Context ctx) {
    Map<String, String> values =
        Map.of(
            "return",
            safeReturn(ctx.queryParam("return")),
            "bookmark",
            ctx.queryParam("bookmark") == null ? "" : ctx.queryParam("bookmark"));
    views.render(
        ctx, 200, "accounts/signin.jte", views.form(ctx, "Sign in", values, Map.of(), null));
  }

  public void signIn(Context ctx) {
    String login = AccountViews.param(ctx, "login");
    String returnTo = safeReturn(ctx.formParam("return"));
    boolean remember = ctx.formParam("remember") != null;
    switch (signIns.signIn(login, ctx.formParam("password"), remember, ctx.ip(), ctx.userAgent())) {
      case SignIns.SignIn.Ok ok -> signedIn(ctx, ok, returnTo);
      case SignIns.SignIn.CodeNeeded code -> {
        Cookie c = new Cookie(pending.cookieName(), code.pendingValue());
        c.setPath("/");
        c.setHttpOnly(true);
        c.setSecure(secureCookies);
        c.setSameSite(SameSite.LAX);
        ctx.cookie(c);
        ctx.redirect(
            "/signin/code?return="
                + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)
                + "&bookmark="
                + URLEncoder.encode(
                    ctx.formParam("bookmark") == null ? "" : ctx.formParam("bookmark"),
                    StandardCharsets.UTF_8),
            HttpStatus.SEE_OTHER);
      }
      case SignIns.SignIn.Failed f ->
          views.render(
              ctx,
              401,
              "accounts/signin.jte",
              views.form(
                  ctx,
                  "Sign in",
                  Map.of(
                      "login",
                      login,
                      "return",
                      returnTo,
                      "bookmark",
                      ctx.formParam("bookmark") == null ? "" : ctx.formParam("bookmark")),
                  Map.of("form", "The user ID or e-mail and password do not match an account."),
                  null));
      case SignIns.SignIn.TooMany t -> views.tooMany(ctx, t.throttled());
      case SignIns.SignIn.CodeMissing m -> throw new IllegalStateException("pages ask for codes");
      case SignIns.SignIn.WrongCode w -> throw new IllegalStateException("no code yet");
      case SignIns.SignIn.Expired e -> throw new IllegalStateException("no code yet");
    }
  }

  /** A session now: the old one ends, the token is new, then back where the reader was. */
  private void signedIn(Context ctx, SignIns.SignIn.Ok ok, String returnTo) {
    auth.signedOut(ctx); // a session from before sign-in is never reused
    auth.signedIn(ctx, ok.sessionCookie(), ok.remember());
    csrf.issue(ctx);
    afterSignIn.accept(ok.account(), ctx.formParam("bookmark"));
    boolean staff = ok.account().role() != Access.Role.READER;
    if (staff && settings.mustEnrol(ok.account().id())) {
      ctx.redirect(TwoFactorPages.PATH, HttpStatus.SEE_OTHER);
    } else {
      ctx.redirect(returnTo, HttpStatus.SEE_OTHER);
    }
  }

  /** The second step: the code from the app, or a recovery code. */
  public void codeForm(Context ctx) {
    if (!signIns.waitingForCode(ctx.cookie(pending.cookieName()))) {
      ctx.redirect("/signin", HttpStatus.SEE_OTHER);
      return;
    }
    renderCodeForm(ctx, 200, ctx.queryParam("return"), ctx.queryParam("bookmark"), null);
  }

  public void code(Context ctx) {
    String returnTo = safeReturn(ctx.formParam("return"));
    String value = ctx.cookie(pending.cookieName());
    switch (signIns.finish(value, AccountViews.param(ctx, "code"), ctx.ip(), ctx.userAgent())) {
      case SignIns.SignIn.Ok ok -> {
        ctx.removeCookie(pending.cookieName(), "/");
        signedIn(ctx, ok, returnTo);
      }
      case SignIns.SignIn.WrongCode w ->
          renderCodeForm(
              ctx,
              401,
              returnTo,
              ctx.formParam("bookmark"),
              "That code is not right, or was used already. Type the code your app shows now, or"
                  + " a recovery code.");
      case SignIns.SignIn.TooMany t -> views.tooMany(ctx, t.throttled());
      default -> {
        ctx.removeCookie(pending.cookieName(), "/");
        views.render(
            ctx,
            401,
            "accounts/signin.jte",
            views.form(
                ctx,
                "Sign in",
                Map.of("return", returnTo),
                Map.of("form", "The sign-in took too long; please enter your password again."),
                null));
      }
    }
  }

  private void renderCodeForm(
      Context ctx, int status, String returnTo, String bookmark, String error) {
    views.render(
        ctx,
        status,
        "accounts/signin-code.jte",
        views.form(
            ctx,
            "Enter your code",
            Map.of("return", safeReturn(returnTo), "bookmark", bookmark == null ? "" : bookmark),
            error == null ? Map.of() : Map.of("code", error),
            null));
  }

  public void signOut(Context ctx) {
    auth.signedOut(ctx);
    csrf.issue(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  public void signOutEverywhere(Context ctx) {
    Account a = Auth.required(ctx);
    accounts.find(a.id()).ifPresent(x -> signIns.signOutAll(x));
    auth.signedOut(ctx);
    csrf.issue(ctx);
    views.notice(
        ctx,
        200,
        "Signed out everywhere",
        "Every session of your account has ended, on every device.",
        "/signin",
        "Sign in again");
  }

  /**
   * Where to send a reader after signing in: a path on this site, or "/". Browsers drop tabs and
   * newlines anywhere in a URL, trim spaces and controls, and read a backslash as a slash, so
   * "/\t/evil.example" would become "//evil.example", another site. So anything outside printable
   * ASCII (other text is percent-encoded first) or holding a backslash is refused, and what is left
   * must parse as a path with no scheme and no authority.
   */
  static String safeReturn(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    StringBuilder path = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      i += Character.charCount(c);
      if (c <= 0x20
          || c == 0x7F
          || c == '\\'
          || (c >= 0x80 && c <= 0x9F)
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT) {
        return "/";
      }
      if (c < 0x80) {
        path.append((char) c);
      } else {
        for (byte b :
            new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          path.append('%').append(String.format("%02X", b & 0xFF));
        }
      }
    }
    String p = path.toString();
    if (!p.startsWith("/") || p.startsWith("//")) {
      return "/";
    }
    try {
      java.net.URI uri = new java.net.URI(p);
      if (uri.getScheme() != null
          || uri.getRawAuthority() != null
          || uri.getRawPath() == null
          || !uri.getRawPath().startsWith("/")) {
        return "/";
      }
    } catch (java.net.URISyntaxException e) {
      return "/";
    }
    return p;
  }
}
