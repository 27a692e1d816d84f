package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
    String browser = Csrf.newToken();
    switch (registrations.register(
        values.get("userId"),
        values.get("email"),
        ctx.formParam("password"),
        values.get("displayName"),
        ctx.ip(),
        returnTo,
        Sessions.hash(browser))) {
      case Registrations.Registration.Created c -> {
        // Set whether or not an account was made: the answer must not tell the two apart.
        auth.registering(ctx, browser);
        views.notice(
            ctx,
            201,
            "Check your e-mail",
            "We sent a message to "
                + values.get("email")
                + ". Open the link in it to confirm your address and sign in; you need a confirmed address to comment.",
            "/signin?return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8),
            "Sign in");
      }
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
    var pending = registrations.pendingConfirmation(token);
    if (pending.isEmpty()) {
      linkDoesNotWork(ctx);
      return;
    }
    var p = pending.get();
    boolean signsIn =
        signIns.confirmationSignsIn(
            p.accountId(), p.firstAddress(), p.browserHash(), auth.registeringValue(ctx));
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
                p.userId(),
                "signsIn",
                signsIn ? "yes" : ""),
            Map.of(),
            null));
  }

  /**
   * Confirms the address, once, and signs the reader in where they started (a path on this site
   * only) when {@link SignIns#confirmationSignsIn} allows: a registration, confirmed in the browser
   * that registered. Otherwise it only confirms, and the reader signs in as usual.
   */
  public void confirm(Context ctx) {
    String returnTo = SignInPages.safeReturn(ctx.formParam("return"));
    switch (registrations.confirm(ctx.formParam("token"))) {
      case Registrations.Confirmation.LinkDoesNotWork x -> linkDoesNotWork(ctx);
      case Registrations.Confirmation.AddressTaken x ->
          views.notice(
              ctx,
              400,
              "This address belongs to another account",
              "This e-mail address now belongs to another account, so it cannot be confirmed for"
                  + " yours. Nothing changed.",
              "/profile",
              "Your profile");
      case Registrations.Confirmation.Confirmed c -> confirmed(ctx, c, returnTo);
    }
  }

  private void confirmed(Context ctx, Registrations.Confirmation.Confirmed c, String returnTo) {
    boolean signsIn =
        signIns.confirmationSignsIn(
            c.accountId(), c.firstAddress(), c.browserHash(), auth.registeringValue(ctx));
    Optional<SignIns.SignIn.Ok> signedIn =
        signsIn ? signIns.signInByConfirmation(c.accountId(), ctx.userAgent()) : Optional.empty();
    if (signedIn.isEmpty()) {
      boolean alreadyIn = Auth.account(ctx).filter(a -> a.id().equals(c.accountId())).isPresent();
      if (alreadyIn) { // an address change, confirmed where the reader is signed in
        ctx.redirect(withConfirmedNotice(returnTo), HttpStatus.SEE_OTHER);
        return;
      }
      views.notice(
          ctx,
          200,
          "E-mail address confirmed",
          "Thank you: your e-mail address is confirmed. Sign in to continue.",
          "/signin?return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8),
          "Sign in");
      return;
    }
    auth.registered(ctx);
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
