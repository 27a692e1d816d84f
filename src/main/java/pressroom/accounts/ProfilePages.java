package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;

/** The reader's own profile: name, address, password, export and deletion. */
public final class ProfilePages {
  private final Profiles profiles;
  private final PasswordChanges passwordChanges;
  private final AccountDao accounts;
  private final Auth auth;
  private final Csrf csrf;
  private final AccountViews views;
  private final List<PersonalData> personalData;

  public ProfilePages(
      Profiles profiles,
      PasswordChanges passwordChanges,
      AccountDao accounts,
      Auth auth,
      Csrf csrf,
      AccountViews views,
      List<PersonalData> personalData) {
    this.profiles = profiles;
    this.passwordChanges = passwordChanges;
    this.accounts = accounts;
    this.auth = auth;
    this.csrf = csrf;
    this.views = views;
    this.personalData = List.copyOf(personalData);
  }

  public record Profile(
      Chrome chrome, Head head, Account account, String notice, Map<String, String> errors) {
    public String error(String name) {
      return errors.get(name);
    }
  }

  public void profile(Context ctx) {
    Account a = requiredOrSignIn(ctx);
    if (a == null) {
      return;
    }
    String notice =
        switch (String.valueOf(ctx.queryParam("notice"))) {
          case "saved" -> "Saved.";
          case "sent" -> "We sent a confirmation link; open it to confirm the address.";
          case "wait" ->
              "Several links went out in the last hour, so we sent no other; open the newest one, or try again later.";
          case "password" -> "Your password is changed; your other sessions were signed out.";
          default -> null;
        };
    renderProfile(ctx, 200, a, notice, Map.of());
  }

  public void saveProfile(Context ctx) {
    Account a = Auth.required(ctx);
    var problem = profiles.setDisplayName(a, ctx.formParam("displayName"));
    if (problem.isPresent()) {
      renderProfile(ctx, 400, a, null, Map.of("displayName", problem.get()));
      return;
    }
    accounts.setNotifyReplies(a.id(), ctx.formParam("notifyReplies") != null);
    ctx.redirect("/profile?notice=saved", HttpStatus.SEE_OTHER);
  }

  public void changeEmail(Context ctx) {
    Account a = Auth.required(ctx);
    var problem = profiles.changeEmail(a, AccountViews.param(ctx, "email"));
    if (problem.isPresent()) {
      renderProfile(ctx, 400, a, null, Map.of("email", problem.get()));
    } else {
      ctx.redirect("/profile?notice=sent", HttpStatus.SEE_OTHER);
    }
  }

  public void changePassword(Context ctx) {
    Account a = Auth.required(ctx);
    var problem =
        passwordChanges.changePassword(
            a, ctx.formParam("current"), ctx.formParam("password"), auth.sessionValue(ctx));
    if (problem.isPresent()) {
      renderProfile(ctx, 400, a, null, Map.of("password", problem.get()));
    } else {
      ctx.redirect("/profile?notice=password", HttpStatus.SEE_OTHER);
    }
  }

  public void export(Context ctx) {
    Account a = Auth.required(ctx);
    ctx.header("Content-Disposition", "attachment; filename=\"pressroom-" + a.userId() + ".json\"");
    ctx.header("Cache-Control", "no-store");
    ctx.json(profiles.export(a, personalData));
  }

  public void delete(Context ctx) {
    Account a = Auth.required(ctx);
    if (!profiles.delete(a, ctx.formParam("password"))) {
      renderProfile(
          ctx,
          400,
          a,
          null,
          Map.of("delete", "The password is not right; your account was not deleted."));
      return;
    }
    ctx.removeCookie(auth.sessionCookieName(), "/");
    csrf.issue(ctx);
    views.notice(
        ctx,
        200,
        "Account deleted",
        "Your account and personal data are deleted. Comments you wrote stay, shown as written by a deleted reader.",
        "/",
        "Go to the front page");
  }

  private Account requiredOrSignIn(Context ctx) {
    var a = Auth.account(ctx);
    if (a.isEmpty()) {
      ctx.redirect(
          "/signin?return="
              + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
      return null;
    }
    return a.get();
  }

  private void renderProfile(
      Context ctx, int status, Account a, String notice, Map<String, String> errors) {
    Chrome c = views.chromeFor(ctx);
    ctx.header("Cache-Control", "no-store");
    views.render(
        ctx,
        status,
        "accounts/profile.jte",
        new Profile(
            c,
            Head.simple("Your profile — " + c.siteName(), "Your account"),
            accounts.find(a.id()).orElse(a),
            notice,
            errors));
  }
}
