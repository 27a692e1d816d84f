package pressroom.accounts;

import io.javalin.http.Context;
import java.util.Map;

/** Recovering the sign-in details, and choosing a new password from the mailed link. */
public final class RecoveryPages {
  private final PasswordChanges passwordChanges;
  private final AccountViews views;

  public RecoveryPages(PasswordChanges passwordChanges, AccountViews views) {
    this.passwordChanges = passwordChanges;
    this.views = views;
  }

  public void recoverForm(Context ctx) {
    views.render(
        ctx,
        200,
        "accounts/recover.jte",
        views.form(ctx, "Recover your sign-in details", Map.of(), Map.of(), null));
  }

  public void recover(Context ctx) {
    String login = AccountViews.param(ctx, "login");
    if (login.isEmpty()) { // nothing to look up: say so beside the field, and count nothing
      views.render(
          ctx,
          400,
          "accounts/recover.jte",
          views.form(
              ctx,
              "Recover your sign-in details",
              Map.of(),
              Map.of("login", "Enter your user ID or e-mail address."),
              null));
      return;
    }
    var throttled = passwordChanges.recover(login, ctx.ip());
    if (throttled.isPresent()) {
      views.tooMany(ctx, throttled.get());
      return;
    }
    views.notice(
        ctx,
        200,
        "Check your e-mail",
        "If an account matches what you entered, we have sent its user ID and a link to choose a new password"
            + " to its e-mail address. The link works once, for 30 minutes.",
        "/signin",
        "Sign in");
  }

  public void resetForm(Context ctx) {
    ctx.header("Referrer-Policy", "no-referrer");
    String token = ctx.queryParam("token");
    if (!passwordChanges.resetUsable(token)) {
      linkDoesNotWork(ctx);
      return;
    }
    newPasswordForm(ctx, 200, token, Map.of());
  }

  public void reset(Context ctx) {
    ctx.header("Referrer-Policy", "no-referrer");
    String token = AccountViews.param(ctx, "token");
    switch (passwordChanges.reset(token, ctx.formParam("password"))) {
      case PasswordChanges.Reset.Done d ->
          views.notice(
              ctx,
              200,
              "Password changed",
              "Your password is changed and every session was signed out. Sign in with the new password.",
              "/signin",
              "Sign in");
      case PasswordChanges.Reset.BadToken b -> linkDoesNotWork(ctx);
      case PasswordChanges.Reset.Invalid inv ->
          newPasswordForm(ctx, 400, token, Map.of("password", inv.problem()));
    }
  }

  private void newPasswordForm(Context ctx, int status, String token, Map<String, String> errors) {
    views.render(
        ctx,
        status,
        "accounts/reset.jte",
        views.form(ctx, "Choose a new password", Map.of("token", token), errors, null));
  }

  private void linkDoesNotWork(Context ctx) {
    views.notice(
        ctx,
        400,
        "This link does not work",
        "The link to choose a new password is unknown, was already used, or is older than 30 minutes. Ask for a new one.",
        "/recover",
        "Recover your sign-in details");
  }
}
