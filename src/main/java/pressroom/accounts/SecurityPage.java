package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import pressroom.audit.AuditLog;
import pressroom.web.Chrome;
import pressroom.web.Head;

/** Admins' sign-in rules for staff (/staff/security): whether staff must use a second factor. */
public final class SecurityPage {
  private final SecuritySettings settings;
  private final TwoFactor twoFactor;
  private final AccountViews views;
  private final AuditLog audit;

  public SecurityPage(
      SecuritySettings settings, TwoFactor twoFactor, AccountViews views, AuditLog audit) {
    this.settings = settings;
    this.twoFactor = twoFactor;
    this.views = views;
    this.audit = audit;
  }

  public record Page(
      Chrome chrome,
      Head head,
      boolean twoFactorRequired,
      List<SecuritySettings.StaffMember> staff,
      String notice,
      String error) {
    public long withoutTwoFactor() {
      return staff.stream().filter(s -> !s.twoFactor()).count();
    }
  }

  public void show(Context ctx) {
    render(ctx, 200, "saved".equals(ctx.queryParam("notice")) ? "Saved." : null, null);
  }

  public void save(Context ctx) {
    Account admin = Auth.required(ctx);
    boolean required = ctx.formParam("requireTwoFactor") != null;
    boolean before = settings.twoFactorRequiredForStaff();
    if (required && !twoFactor.enrolled(admin.id())) {
      // Otherwise the admin turning it on would lose this page on their next request.
      render(
          ctx,
          400,
          null,
          "Set up two-factor sign-in for your own account first (on your profile), then require it.");
      return;
    }
    if (required != before) {
      settings.requireTwoFactorForStaff(required);
      audit.record(
          Auth.viewer(ctx),
          "security.two-factor-required",
          "Two-factor sign-in for staff",
          before ? "required" : "optional",
          required ? "required" : "optional");
    }
    ctx.redirect("/staff/security?notice=saved", HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, int status, String notice, String error) {
    Chrome c = views.chromeFor(ctx);
    views.render(
        ctx,
        status,
        "accounts/security.jte",
        new Page(
            c,
            Head.simple("Security — " + c.siteName(), "Sign-in rules for staff"),
            settings.twoFactorRequiredForStaff(),
            settings.staff(),
            notice,
            error));
  }
}
