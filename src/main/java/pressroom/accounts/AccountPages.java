package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.web.Access;
import pressroom.web.Access.Role;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Templates;

/** The account pages: register, verify, sign in and out, recover, reset, profile, staff users. */
public final class AccountPages {
  private final AccountService service;
  private final AccountDao accounts;
  private final Auth auth;
  private final Csrf csrf;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final java.util.function.BiConsumer<Account, String> afterSignIn;
  private final List<PersonalData> personalData;
  private final Suspensions suspensions;

  /**
   * @param afterSignIn finishes what the reader started before signing in (e.g. a bookmark)
   */
  public AccountPages(
      AccountService service,
      AccountDao accounts,
      Auth auth,
      Csrf csrf,
      Templates templates,
      Supplier<Chrome> chrome,
      java.util.function.BiConsumer<Account, String> afterSignIn,
      List<PersonalData> personalData,
      Suspensions suspensions) {
    this.suspensions = suspensions;
    this.afterSignIn = afterSignIn;
    this.personalData = List.copyOf(personalData);
    this.service = service;
    this.accounts = accounts;
    this.auth = auth;
    this.csrf = csrf;
    this.templates = templates;
    this.chrome = chrome;
  }

  /** Page models, one per template. */
  public record Form(
      Chrome chrome,
      Head head,
      Map<String, String> values,
      Map<String, String> errors,
      String notice) {
    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    public String error(String name) {
      return errors.get(name);
    }
  }

  public record Notice(
      Chrome chrome, Head head, String title, String message, String link, String linkText) {}

  public record Profile(
      Chrome chrome, Head head, Account account, String notice, Map<String, String> errors) {
    public String error(String name) {
      return errors.get(name);
    }
  }

  public record Users(
      Chrome chrome, Head head, String query, List<Account> accounts, String notice) {}

  // ---- register and verify

  public void registerForm(Context ctx) {
    render(ctx, 200, "accounts/register.jte", form(ctx, "Register", Map.of(), Map.of(), null));
  }

  public void register(Context ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("userId", param(ctx, "userId"));
    values.put("email", param(ctx, "email"));
    values.put("displayName", param(ctx, "displayName"));
    switch (service.register(
        values.get("userId"),
        values.get("email"),
        ctx.formParam("password"),
        values.get("displayName"),
        ctx.ip())) {
      case AccountService.Registration.Created c ->
          notice(
              ctx,
              201,
              "Check your e-mail",
              "We sent a message to "
                  + values.get("email")
                  + ". Open the link in it to confirm your address; you need a confirmed address to comment.",
              "/signin",
              "Sign in");
      case AccountService.Registration.Invalid inv ->
          render(
              ctx,
              inv.conflict() ? 409 : 400,
              "accounts/register.jte",
              form(ctx, "Register", values, inv.errors(), null));
      case AccountService.Registration.TooMany t -> tooMany(ctx, t.throttled().retryAfter());
    }
  }

  public void verify(Context ctx) {
    if (service.verify(ctx.queryParam("token"))) {
      notice(
          ctx,
          200,
          "E-mail address confirmed",
          "Thank you: your e-mail address is confirmed.",
          "/",
          "Go to the front page");
    } else {
      notice(
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
    var wait = service.resendVerification(a);
    ctx.redirect(
        wait.isPresent() ? "/profile?notice=wait" : "/profile?notice=sent", HttpStatus.SEE_OTHER);
  }

  // ---- sign in and out

  public void signInForm(Context ctx) {
    Map<String, String> values =
        Map.of(
            "return",
            safeReturn(ctx.queryParam("return")),
            "bookmark",
            ctx.queryParam("bookmark") == null ? "" : ctx.queryParam("bookmark"));
    render(ctx, 200, "accounts/signin.jte", form(ctx, "Sign in", values, Map.of(), null));
  }

  public void signIn(Context ctx) {
    String login = param(ctx, "login");
    String returnTo = safeReturn(ctx.formParam("return"));
    boolean remember = ctx.formParam("remember") != null;
    switch (service.signIn(login, ctx.formParam("password"), remember, ctx.ip(), ctx.userAgent())) {
      case AccountService.SignIn.Ok ok -> {
        auth.signedOut(ctx); // a session from before sign-in is never reused
        auth.signedIn(ctx, ok.sessionCookie(), remember);
        csrf.issue(ctx);
        afterSignIn.accept(ok.account(), ctx.formParam("bookmark"));
        ctx.redirect(returnTo, HttpStatus.SEE_OTHER);
      }
      case AccountService.SignIn.Failed f ->
          render(
              ctx,
              401,
              "accounts/signin.jte",
              form(
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
      case AccountService.SignIn.TooMany t -> tooMany(ctx, t.throttled().retryAfter());
    }
  }

  public void signOut(Context ctx) {
    auth.signedOut(ctx);
    csrf.issue(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  public void signOutEverywhere(Context ctx) {
    Account a = Auth.required(ctx);
    accounts.find(a.id()).ifPresent(x -> service.signOutAll(x));
    auth.signedOut(ctx);
    csrf.issue(ctx);
    notice(
        ctx,
        200,
        "Signed out everywhere",
        "Every session of your account has ended, on every device.",
        "/signin",
        "Sign in again");
  }

  // ---- recover and reset

  public void recoverForm(Context ctx) {
    render(
        ctx,
        200,
        "accounts/recover.jte",
        form(ctx, "Recover your sign-in details", Map.of(), Map.of(), null));
  }

  public void recover(Context ctx) {
    var throttled = service.recover(param(ctx, "login"), ctx.ip());
    if (throttled.isPresent()) {
      tooMany(ctx, throttled.get().retryAfter());
      return;
    }
    notice(
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
    if (!service.resetUsable(token)) {
      notice(
          ctx,
          400,
          "This link does not work",
          "The link to choose a new password is unknown, was already used, or is older than 30 minutes. Ask for a new one.",
          "/recover",
          "Recover your sign-in details");
      return;
    }
    render(
        ctx,
        200,
        "accounts/reset.jte",
        form(ctx, "Choose a new password", Map.of("token", token), Map.of(), null));
  }

  public void reset(Context ctx) {
    ctx.header("Referrer-Policy", "no-referrer");
    String token = param(ctx, "token");
    switch (service.reset(token, ctx.formParam("password"))) {
      case AccountService.Reset.Done d ->
          notice(
              ctx,
              200,
              "Password changed",
              "Your password is changed and every session was signed out. Sign in with the new password.",
              "/signin",
              "Sign in");
      case AccountService.Reset.BadToken b ->
          notice(
              ctx,
              400,
              "This link does not work",
              "The link to choose a new password is unknown, was already used, or is older than 30 minutes. Ask for a new one.",
              "/recover",
              "Recover your sign-in details");
      case AccountService.Reset.Invalid inv ->
          render(
              ctx,
              400,
              "accounts/reset.jte",
              form(
                  ctx,
                  "Choose a new password",
                  Map.of("token", token),
                  Map.of("password", inv.problem()),
                  null));
    }
  }

  // ---- profile

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
    var problem = service.setDisplayName(a, ctx.formParam("displayName"));
    if (problem.isPresent()) {
      renderProfile(ctx, 400, a, null, Map.of("displayName", problem.get()));
      return;
    }
    accounts.setNotifyReplies(a.id(), ctx.formParam("notifyReplies") != null);
    ctx.redirect("/profile?notice=saved", HttpStatus.SEE_OTHER);
  }

  public void changeEmail(Context ctx) {
    Account a = Auth.required(ctx);
    var problem = service.changeEmail(a, param(ctx, "email"));
    if (problem.isPresent()) {
      renderProfile(ctx, 400, a, null, Map.of("email", problem.get()));
    } else {
      ctx.redirect("/profile?notice=sent", HttpStatus.SEE_OTHER);
    }
  }

  public void changePassword(Context ctx) {
    Account a = Auth.required(ctx);
    var problem =
        service.changePassword(
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
    ctx.json(service.export(a, personalData));
  }

  public void delete(Context ctx) {
    Account a = Auth.required(ctx);
    if (!service.delete(a, ctx.formParam("password"))) {
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
    notice(
        ctx,
        200,
        "Account deleted",
        "Your account and personal data are deleted. Comments you wrote stay, shown as written by a deleted reader.",
        "/",
        "Go to the front page");
  }

  // ---- staff: users

  public void users(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    Chrome c = chromeFor(ctx);
    ctx.header("Cache-Control", "no-store");
    render(
        ctx,
        200,
        "accounts/users.jte",
        new Users(
            c,
            Head.simple("Users — " + c.siteName(), "Accounts"),
            q,
            accounts.search(q, 100),
            ctx.queryParam("notice")));
  }

  public void setRole(Context ctx) {
    Role role;
    try {
      role = Role.valueOf(param(ctx, "role").toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw PageException.badRequest("The role must be reader, moderator, editor or admin.");
    }
    Account target = accounts.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    Access.requireOutranks(ctx, target.role());
    accounts.setRole(target.id(), role);
    ctx.redirect("/staff/users?notice=Role+changed", HttpStatus.SEE_OTHER);
  }

  public void suspend(Context ctx) {
    Account target = accounts.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    if (suspensions.apply(
            Access.role(ctx).orElse(Role.READER), target, param(ctx, "days"), param(ctx, "reason"))
        instanceof Suspensions.Outcome.Refused r) {
      throw r.asPage();
    }
    ctx.redirect("/staff/users?notice=Saved", HttpStatus.SEE_OTHER);
  }

  // ---- helpers

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
    Chrome c = chromeFor(ctx);
    ctx.header("Cache-Control", "no-store");
    render(
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

  private Form form(
      Context ctx,
      String title,
      Map<String, String> values,
      Map<String, String> errors,
      String notice) {
    Chrome c = chromeFor(ctx);
    return new Form(c, Head.simple(title + " — " + c.siteName(), title), values, errors, notice);
  }

  private void notice(
      Context ctx, int status, String title, String message, String link, String linkText) {
    Chrome c = chromeFor(ctx);
    render(
        ctx,
        status,
        "accounts/notice.jte",
        new Notice(
            c, Head.simple(title + " — " + c.siteName(), message), title, message, link, linkText));
  }

  private void tooMany(Context ctx, Duration wait) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
    notice(
        ctx,
        429,
        "Too many attempts",
        "There were too many attempts from here. For your safety, wait "
            + minutes
            + (minutes == 1 ? " minute" : " minutes")
            + " and try again.",
        "/",
        "Go to the front page");
  }

  private Chrome chromeFor(Context ctx) {
    return chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
  }

  private void render(Context ctx, int status, String template, Object model) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(templates.render(template, model));
  }

  private static String param(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }

  /** Only a path on this site: never an absolute URL another site could supply. */
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
