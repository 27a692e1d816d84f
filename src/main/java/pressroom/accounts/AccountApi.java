package pressroom.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pressroom.web.Csrf;
import pressroom.web.JsonBodies;
import pressroom.web.PageException;

/** The accounts JSON API, for the site's own scripts and integrations; same rules as the pages. */
public final class AccountApi {

  private final Registrations registrations;
  private final SignIns signIns;
  private final PasswordChanges passwordChanges;
  private final Auth auth;
  private final Csrf csrf;

  public AccountApi(
      Registrations registrations,
      SignIns signIns,
      PasswordChanges passwordChanges,
      Auth auth,
      Csrf csrf) {
    this.registrations = registrations;
    this.signIns = signIns;
    this.passwordChanges = passwordChanges;
    this.auth = auth;
    this.csrf = csrf;
  }

  /** GET /api/v1/csrf-token: the token to send as X-CSRF-Token (also sets its cookie). */
  public void csrfToken(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.json(Map.of("token", csrf.token(ctx)));
  }

  public void register(Context ctx) {
    JsonNode in = JsonBodies.object(ctx);
    switch (registrations.register(
        JsonBodies.text(in, "userId"),
        JsonBodies.text(in, "email"),
        JsonBodies.text(in, "password"),
        JsonBodies.text(in, "displayName"),
        ctx.ip())) {
      // No id: an address that already has an account gets this same answer (see
      // Registration.Created).
      case Registrations.Registration.Created c ->
          ctx.status(201).json(Map.of("verificationSent", true));
      case Registrations.Registration.Invalid inv ->
          ctx.status(inv.conflict() ? 409 : 400)
              .json(
                  Map.of(
                      "error",
                      inv.conflict() ? "conflict" : "invalid",
                      "message",
                      "Some fields need attention.",
                      "errors",
                      inv.errors()));
      case Registrations.Registration.TooMany t -> tooMany(ctx, t.throttled());
    }
  }

  public void verify(Context ctx) {
    switch (registrations.confirm(JsonBodies.text(JsonBodies.object(ctx), "token"))) {
      case Registrations.Confirmation.Confirmed c -> ctx.json(Map.of("verified", true));
      case Registrations.Confirmation.AddressTaken t ->
          throw new PageException(
              400, "address_taken", "This e-mail address now belongs to another account.");
      case Registrations.Confirmation.LinkDoesNotWork x ->
          throw new PageException(
              400, "invalid_token", "The confirmation token is unknown, used or expired.");
    }
  }

  public void signIn(Context ctx) {
    JsonNode in = JsonBodies.object(ctx);
    boolean remember = in.path("remember").asBoolean(false);
    switch (signIns.signIn(
        JsonBodies.text(in, "login"),
        JsonBodies.text(in, "password"),
        JsonBodies.text(in, "code"),
        remember,
        ctx.ip(),
        ctx.userAgent())) {
      case SignIns.SignIn.Ok ok -> {
        auth.signedOut(ctx);
        auth.signedIn(ctx, ok.sessionCookie(), remember);
        String token = csrf.issue(ctx);
        Map<String, Object> me = me(ok.account());
        me.put("csrfToken", token);
        ctx.json(me);
      }
      case SignIns.SignIn.Failed f ->
          ctx.status(401)
              .json(
                  Map.of(
                      "error",
                      "unauthorized",
                      "message",
                      "The user ID or e-mail and password do not match an account."));
      case SignIns.SignIn.TooMany t -> tooMany(ctx, t.throttled());
      case SignIns.SignIn.CodeMissing m ->
          ctx.status(401)
              .json(
                  Map.of(
                      "error",
                      "code_required",
                      "message",
                      "This account signs in with a second factor: send the code from the"
                          + " authenticator app, or a recovery code, as \"code\" with the password."));
      case SignIns.SignIn.WrongCode w ->
          ctx.status(401)
              .json(
                  Map.of(
                      "error",
                      "wrong_code",
                      "message",
                      "The code is not right, or was used already."));
      case SignIns.SignIn.CodeNeeded c -> throw new IllegalStateException("the API takes the code");
      case SignIns.SignIn.Expired e -> throw new IllegalStateException("the API takes the code");
    }
  }

  public void signOut(Context ctx) {
    auth.signedOut(ctx);
    csrf.issue(ctx);
    ctx.status(204);
  }

  public void recover(Context ctx) {
    var throttled =
        passwordChanges.recover(JsonBodies.text(JsonBodies.object(ctx), "login"), ctx.ip());
    if (throttled.isPresent()) {
      tooMany(ctx, throttled.get());
      return;
    }
    ctx.status(202)
        .json(
            Map.of(
                "message",
                "If an account matches, its user ID and a reset link were sent to its e-mail address."));
  }

  public void reset(Context ctx) {
    JsonNode in = JsonBodies.object(ctx);
    switch (passwordChanges.reset(JsonBodies.text(in, "token"), JsonBodies.text(in, "password"))) {
      case PasswordChanges.Reset.Done d ->
          ctx.json(Map.of("message", "Password changed; every session was signed out."));
      case PasswordChanges.Reset.BadToken b ->
          throw new PageException(
              400, "invalid_token", "The reset token is unknown, used or expired.");
      case PasswordChanges.Reset.Invalid inv ->
          ctx.status(400)
              .json(
                  Map.of(
                      "error",
                      "invalid",
                      "message",
                      inv.problem(),
                      "errors",
                      Map.of("password", inv.problem())));
    }
  }

  public void me(Context ctx) {
    Account a =
        Auth.account(ctx)
            .orElseThrow(() -> new PageException(401, "unauthorized", "Not signed in."));
    ctx.header("Cache-Control", "no-store");
    ctx.json(me(a));
  }

  private static Map<String, Object> me(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("userId", a.userId());
    m.put("email", a.email());
    m.put("displayName", a.displayName());
    m.put("roles", List.of(a.role().name().toLowerCase(java.util.Locale.ROOT)));
    m.put("verified", a.verified());
    return m;
  }

  private static void tooMany(Context ctx, Throttled t) {
    ctx.header("Retry-After", Long.toString(t.seconds()));
    ctx.status(429)
        .json(
            Map.of(
                "error",
                "too_many_requests",
                "message",
                "Too many attempts; try again in " + t.minutes() + " minutes."));
  }
}
