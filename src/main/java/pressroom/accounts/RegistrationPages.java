package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import pressroom.web.Csrf;

/** Registering, and confirming the e-mail address from the mailed link. */
public final class RegistrationPages {
  private final Registrations registrations;
  private final SignIns signIns;
  private final Auth auth;
  private final Csrf csrf;
  private final AccountViews views;

  public RegistrationPages(
      Registrations registrations, SignIns signIns, Auth auth, Csrf csrf, AccountViews views) {
    this.registrations = registrations;
    this.signIns = signIns;
    this.auth = auth;
    this.csrf = csrf;
    this.views = views;
  }

  public void registerForm(Context ctx) {
    views.render(
        ctx,
        200,
        "accounts/register.jte",
        views.form(
            ctx,
            "Register",
            Map.of("return", SignInPages.safeReturn(ctx.queryParam("return"))),
            Map.of(),
            null));
  }

  public void register(Context ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("userId", AccountViews.param(ctx, "userId"));
    values.put("email", AccountViews.param(ctx, "email"));
    values.put("displayName", AccountViews.param(ctx, "displayName"));
    String returnTo = SignInPages.safeReturn(ctx.formParam("return"));
    values.put("return", returnTo);
    switch (registrations.register(
        values.get("userId"),
        values.get("email"),
        ctx.formParam("password"),
        values.get("displayName"),
        ctx.ip(),
        returnTo)) {
      case Registrations.Registration.Created c ->
          views.notice(
              ctx,
              201,
              "Check your e-mail",
              "We sent a message to "
                  + values.get("email")
                  + ". Open the link in it to confirm your address and sign in; you need a confirmed address to comment.",
              "/signin?return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8),
              "Sign in");
      case Registrations.Registration.Invalid inv ->
          views.render(
              ctx,
              inv.conflict() ? 409 : 400,
              "accounts/register.jte",
              views.form(ctx, "Register", values, inv.errors(), null));
      case Registrations.Registration.TooMany t -> views.tooMany(ctx, t.throttled());
    }
  }

  /**
   * The mailed link: a page that asks to confirm, with a button. Opening the link changes nothing,
   * so a mail scanner that fetches links does not spend it, and nobody can sign a reader into
   * another account by sending them a link (the page names the user ID).
   */
  public void verify(Context ctx) {
    ctx.header("Referrer-Policy", "no-referrer"); // the token is in this page's address
    String token = ctx.queryParam("token");
    var userId = registrations.pendingConfirmation(token);
    if (userId.isEmpty()) {
      linkDoesNotWork(ctx);
      return;
    }
    views.render(
        ctx,
        200,
        "accounts/confirm.jte",
        views.form(
            ctx,
            "Confirm your e-mail address",
            Map.of(
                "token",
                token.strip(),
                "return",
                SignInPages.safeReturn(ctx.queryParam("return")),
                "userId",
                userId.get()),
            Map.of(),
            null));
  }

  /**
   * Confirms the address, once, and signs the reader in where they started (a path on this site
   * only), unless the account needs more than the mailbox to sign in: then to the sign-in page.
   */
  public void confirm(Context ctx) {
    String returnTo = SignInPages.safeReturn(ctx.formParam("return"));
    var confirmed = registrations.confirm(ctx.formParam("token"));
    if (confirmed.isEmpty()) {
      linkDoesNotWork(ctx);
      return;
    }
    var signedIn = signIns.signInByConfirmation(confirmed.get(), ctx.userAgent());
    if (signedIn.isEmpty()) {
      views.notice(
          ctx,
          200,
          "E-mail address confirmed",
          "Thank you: your e-mail address is confirmed. Sign in to continue.",
          "/signin?return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8),
          "Sign in");
      return;
    }
    auth.signedOut(ctx); // a session from before is never reused
    auth.signedIn(ctx, signedIn.get().sessionCookie(), false);
    csrf.issue(ctx);
    ctx.redirect(withConfirmedNotice(returnTo), HttpStatus.SEE_OTHER);
  }

  /**
   * The page to land on, marked so that site.js says "confirmed, signed in" there: a query
   * parameter before any fragment (the pages are not ours to add a notice to).
   */
  static String withConfirmedNotice(String path) {
    int hash = path.indexOf('#');
    String before = hash < 0 ? path : path.substring(0, hash);
    String fragment = hash < 0 ? "" : path.substring(hash);
    return before + (before.contains("?") ? "&" : "?") + "confirmed=email" + fragment;
  }

  private void linkDoesNotWork(Context ctx) {
    views.notice(
        ctx,
        400,
        "This link does not work",
        "The confirmation link is unknown, was already used, or is too old. Sign in and ask for a new one from your profile.",
        "/signin",
        "Sign in");
  }

  public void resendVerification(Context ctx) {
    Account a = Auth.required(ctx);
    var wait = registrations.resendVerification(a);
    ctx.redirect(
        wait.isPresent() ? "/profile?notice=wait" : "/profile?notice=sent", HttpStatus.SEE_OTHER);
  }
}
