package pressroom.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import pressroom.audit.AuditLog;
import pressroom.web.Access;
import pressroom.web.Access.Role;
import pressroom.web.Chrome;
import pressroom.web.Head;
import pressroom.web.PageException;

/** The staff's pages about accounts: the list of users, their roles and suspensions. */
public final class AccountPages {
  private final AccountDao accounts;
  private final AccountViews views;
  private final Suspensions suspensions;
  private final AuditLog audit;

  public AccountPages(
      AccountDao accounts, AccountViews views, Suspensions suspensions, AuditLog audit) {
    this.audit = audit;
    this.suspensions = suspensions;
    this.accounts = accounts;
    this.views = views;
  }

  /** An account and its standing now ("active", "banned", "suspended until …"). */
  public record UserRow(Account account, String standing) {}

  public record Users(Chrome chrome, Head head, String query, List<UserRow> rows, String notice) {}

  public void users(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    Chrome c = views.chromeFor(ctx);
    ctx.header("Cache-Control", "no-store");
    views.render(
        ctx,
        200,
        "accounts/users.jte",
        new Users(
            c,
            Head.simple("Users — " + c.siteName(), "Accounts"),
            q,
            accounts.search(q, 100).stream()
                .map(a -> new UserRow(a, suspensions.standingNow(a)))
                .toList(),
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
    if (role != target.role()) {
      audit.record(
          Suspensions.actorOf(Auth.required(ctx)),
          "account.role",
          Suspensions.subject(target),
          target.role().name().toLowerCase(java.util.Locale.ROOT),
          role.name().toLowerCase(java.util.Locale.ROOT));
    }
    ctx.redirect("/staff/users?notice=Role+changed", HttpStatus.SEE_OTHER);
  }

  public void suspend(Context ctx) {
    Account target = accounts.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    if (suspensions.apply(
            Auth.required(ctx),
            Access.role(ctx).orElse(Role.READER),
            target,
            param(ctx, "days"),
            param(ctx, "reason"))
        instanceof Suspensions.Outcome.Refused r) {
      throw r.asPage();
    }
    ctx.redirect("/staff/users?notice=Saved", HttpStatus.SEE_OTHER);
  }

  private static String param(Context ctx, String name) {
    return AccountViews.param(ctx, name);
  }
}
