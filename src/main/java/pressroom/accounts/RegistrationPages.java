package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Registering, and confirming the e-mail address from the mailed link. */
public final class RegistrationPages {
  private final Registrations registrations;
  private final AccountViews views;

  public RegistrationPages(Registrations registrations, AccountViews views) {
    this.registrations = registrations;
    this.views = views;
  }

  public void registerForm(Context ctx) {
    views.render(
        ctx, 200, "accounts/register.jte", views.form(ctx, "Register", Map.of(), Map.of(), null));
  }

  public void register(Context ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("userId", AccountViews.param(ctx, "userId"));
    values.put("email", AccountViews.param(ctx, "email"));
    values.put("displayName", AccountViews.param(ctx, "displayName"));
    switch (registrations.register(
        values.get("userId"),
        values.get("email"),
        ctx.formParam("password"),
        values.get("displayName"),
        ctx.ip())) {
      case Registrations.Registration.Created c ->
          views.notice(
              ctx,
              201,
              "Check your e-mail",
              "We sent a message to "
                  + values.get("email")
                  + ". Open the link in it to confirm your address; you need a confirmed address to comment.",
              "/signin",
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

  public void verify(Context ctx) {
    if (registrations.verify(ctx.queryParam("token"))) {
      views.notice(
          ctx,
          200,
          "E-mail address confirmed",
          "Thank you: your e-mail address is confirmed.",
          "/",
          "Go to the front page");
    } else {
      views.notice(
          ctx,
          400,
          "This link does not work",
          "The confirmation link is unknown, was already used, or is too old. Sign in and ask for a new one from your profile.",
          "/signin",
          "Sign in");
    }
  }

  public void resendVerification(Context ctx) {
    Account a = Auth.required(ctx);
    var wait = registrations.resendVerification(a);
    ctx.redirect(
        wait.isPresent() ? "/profile?notice=wait" : "/profile?notice=sent", HttpStatus.SEE_OTHER);
  }
}
