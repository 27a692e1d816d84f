package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import pressroom.audit.AuditLog;
import pressroom.web.Access;
import pressroom.web.Chrome;
import pressroom.web.Head;
import pressroom.web.PageException;

/**
 * The account owner's second factor: set it up (secret as text and QR code, confirmed with a code),
 * see the recovery codes once, replace them, turn it off. Also keeps staff who must set one up away
 * from the staff pages until they have.
 */
public final class TwoFactorPages {
  static final String PATH = "/profile/two-factor";

  private final TwoFactor twoFactor;
  private final AccountViews views;
  private final AuditLog audit;

  private final Sessions sessions;
  private final Auth auth;

  public TwoFactorPages(
      TwoFactor twoFactor, AccountViews views, AuditLog audit, Sessions sessions, Auth auth) {
    this.sessions = sessions;
    this.auth = auth;
    this.twoFactor = twoFactor;
    this.views = views;
    this.audit = audit;
  }

  /** The page model: one of setting up, showing new recovery codes, or on. */
  public record Page(
      Chrome chrome,
      Head head,
      boolean enrolled,
      boolean required,
      Setup setup,
      List<String> recoveryCodes,
      int recoveryCodesLeft,
      String notice,
      Map<String, String> errors) {
    public String error(String name) {
      return errors.get(name);
    }
  }

  /**
   * A secret being set up: as text in groups of four, as an otpauth URI and as its QR code.
   *
   * @param secretGroups the base32 key in groups of four, as apps take it typed
   */
  public record Setup(String secretGroups, String otpauthUri, QrCode qr) {}

  public void page(Context ctx) {
    var a = Auth.account(ctx);
    if (a.isEmpty()) {
      ctx.redirect("/signin?return=" + PATH, HttpStatus.SEE_OTHER);
      return;
    }
    String notice = "off".equals(ctx.queryParam("notice")) ? "Two-factor sign-in is off." : null;
    render(ctx, 200, a.get(), List.of(), notice, Map.of());
  }

  public void enable(Context ctx) {
    Account a = Auth.required(ctx);
    if (twoFactor.enrolled(a.id())) {
      ctx.redirect(PATH, HttpStatus.SEE_OTHER);
      return;
    }
    var codes = twoFactor.confirm(a.id(), ctx.formParam("code"));
    if (codes.isEmpty()) {
      render(
          ctx,
          400,
          a,
          List.of(),
          null,
          Map.of("code", "That is not the code the app shows now; type the six digits it shows."));
      return;
    }
    audit.record(Auth.viewer(ctx), "account.two-factor.enable", subject(a), "off", "on");
    signOutElsewhere(ctx, a);
    render(ctx, 200, a, codes.get(), "Two-factor sign-in is on.", Map.of());
  }

  public void regenerateRecoveryCodes(Context ctx) {
    Account a = Auth.required(ctx);
    if (ownerConfirmed(ctx, a, "regenerate")) {
      List<String> codes = twoFactor.regenerateRecoveryCodes(a.id());
      audit.record(Auth.viewer(ctx), "account.two-factor.recovery-codes", subject(a), null, null);
      signOutElsewhere(ctx, a);
      render(ctx, 200, a, codes, "New recovery codes; the old ones no longer work.", Map.of());
    }
  }

  public void disable(Context ctx) {
    Account a = Auth.required(ctx);
    if (ownerConfirmed(ctx, a, "disable")) {
      twoFactor.disable(a.id());
      audit.record(Auth.viewer(ctx), "account.two-factor.disable", subject(a), "on", "off");
      signOutElsewhere(ctx, a);
      ctx.redirect(PATH + "?notice=off", HttpStatus.SEE_OTHER);
    }
  }

  /**
   * Before every route: a staff member who must set up a second factor is sent to this page from
   * any staff page, and refused by the staff API (their role is a reader's meanwhile anyway).
   */
  public void enrolFirst(Context ctx) {
    if (!Auth.mustEnrolFirst(ctx)) {
      return;
    }
    boolean staffRoute =
        ctx.routeRoles().stream()
            .anyMatch(r -> r instanceof Access.Role x && x != Access.Role.READER);
    if (!staffRoute) {
      return;
    }
    if (ctx.path().startsWith("/api/")) {
      throw new PageException(
          403,
          "two_factor_required",
          "This site requires staff to sign in with a second factor: set it up on " + PATH + ".");
    }
    ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    ctx.skipRemainingHandlers();
  }

  /** The password or a code in the form's {@code confirm} field; otherwise the page says why. */
  /**
   * Every other session of the account ends: one opened before the change (perhaps by someone who
   * had only the password) must not carry on as if it had passed the new rule.
   */
  private void signOutElsewhere(Context ctx, Account a) {
    sessions.endAll(a.id(), auth.sessionValue(ctx));
  }

  private boolean ownerConfirmed(Context ctx, Account a, String form) {
    if (!twoFactor.enrolled(a.id())) {
      ctx.redirect(PATH, HttpStatus.SEE_OTHER);
      return false;
    }
    switch (twoFactor.confirmOwner(a.id(), ctx.formParam("confirm"), ctx.ip())) {
      case TwoFactor.Check.Accepted ok -> {
        return true;
      }
      case TwoFactor.Check.Refused r -> {
        render(
            ctx,
            400,
            a,
            List.of(),
            null,
            Map.of(
                form,
                "That is neither a current code from your app nor an unused recovery code;"
                    + " nothing changed."));
        return false;
      }
      case TwoFactor.Check.TooMany t -> {
        views.tooMany(ctx, t.throttled());
        return false;
      }
    }
  }

  private void render(
      Context ctx,
      int status,
      Account a,
      List<String> recoveryCodes,
      String notice,
      Map<String, String> errors) {
    Chrome c = views.chromeFor(ctx);
    boolean enrolled = twoFactor.enrolled(a.id());
    Setup setup = null;
    if (!enrolled) {
      String secret = twoFactor.unconfirmedSecret(a.id());
      String uri = otpauthUri(c.siteName(), a.userId(), secret);
      setup = new Setup(secret.replaceAll("(.{4})(?!$)", "$1 "), uri, QrCode.of(uri));
    }
    views.render(
        ctx,
        status,
        "accounts/two-factor.jte",
        new Page(
            c,
            Head.simple("Two-factor sign-in — " + c.siteName(), "Two-factor sign-in"),
            enrolled,
            !enrolled && Auth.mustEnrolFirst(ctx),
            setup,
            recoveryCodes,
            enrolled ? twoFactor.recoveryCodesLeft(a.id()) : 0,
            notice,
            errors));
  }

  /** The Key Uri Format authenticator apps read: otpauth://totp/Issuer:user?secret=…&issuer=… */
  static String otpauthUri(String issuer, String userId, String secret) {
    String label = encode(issuer.replace(":", "")) + ":" + encode(userId);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + Totp.DIGITS
        + "&period="
        + Totp.STEP_SECONDS;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String subject(Account a) {
    return "Account ‘" + a.userId() + "’";
  }
}
