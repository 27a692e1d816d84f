package pressroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import pressroom.audit.AuditLog;
import pressroom.web.Access;
import pressroom.web.Access.Role;
import pressroom.web.PageException;

/**
 * The one set of rules for suspending and banning accounts, whichever staff page asks (the users
 * page, the comment moderation queue): who may act on whom, for how long, and why.
 */
public final class Suspensions {
  /** The longest suspension with an end; anything longer is a ban. */
  public static final Duration LONGEST = Duration.ofDays(3650);

  /** A ban is a suspension until a date nobody reaches. */
  public static final Instant BANNED_UNTIL = Instant.parse("9999-12-31T00:00:00Z");

  static final String DEFAULT_REASON = "breaking the discussion rules";

  private final AccountDao accounts;
  private final AuditLog audit;
  private final InstantSource clock;

  public Suspensions(AccountDao accounts, AuditLog audit, InstantSource clock) {
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /** What became of a request to suspend, ban or reinstate. */
  public sealed interface Outcome {
    /** Suspended (or banned: {@code until} is {@link #BANNED_UNTIL}) for {@code reason}. */
    record Suspended(Instant until, String reason) implements Outcome {}

    record Lifted() implements Outcome {}

    /** Nothing changed; the page answers with this status and message. */
    record Refused(int status, String title, String message) implements Outcome {
      public PageException asPage() {
        return new PageException(status, title, message);
      }
    }
  }

  /**
   * {@link #apply(Account, Role, Account, String, String)} to the account with this id, if there is
   * one.
   */
  public Outcome apply(Account by, Role actor, String targetId, String days, String reason) {
    return accounts
        .find(targetId)
        .map(target -> apply(by, actor, target, days, reason))
        .orElseGet(() -> new Outcome.Refused(404, "Not found", "There is no such account."));
  }

  /**
   * Applies a staff member's form: {@code days} is a whole number of days (blank or 0 lifts the
   * suspension, more than {@link #LONGEST} is cut to it) or "ban"; a blank {@code reason} becomes
   * {@value #DEFAULT_REASON}.
   *
   * @param by the staff member acting, for the audit log
   * @param actor the staff member's role as the request sees it (a suspended one's is READER)
   */
  public Outcome apply(Account by, Role actor, Account target, String days, String reason) {
    if (!Access.outranks(actor, target.role())) {
      return new Outcome.Refused(403, "Not allowed", Access.OUTRANK_RULE);
    }
    String d = days == null ? "" : days.strip();
    Instant until;
    if (d.equals("ban")) {
      until = BANNED_UNTIL;
    } else if (d.isEmpty()) {
      until = null;
    } else {
      long n;
      try {
        n = Long.parseLong(d);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 0) {
        return new Outcome.Refused(
            400,
            "Bad request",
            "The number of days must be a whole number (0 lifts the suspension), or “ban”.");
      }
      until = n == 0 ? null : clock.instant().plus(Duration.ofDays(Math.min(n, LONGEST.toDays())));
    }
    String before =
        target.suspended(clock.instant()) ? standing(target.suspendedUntil()) : "active";
    if (until == null) {
      accounts.suspend(target.id(), null, null);
      if (target.suspended(clock.instant())) { // lifting nothing is not an action worth a line
        audit.record(actorOf(by), "account.reinstate", subject(target), before, "active");
      }
      return new Outcome.Lifted();
    }
    String why = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
    accounts.suspend(target.id(), until, why);
    audit.record(
        actorOf(by),
        until.equals(BANNED_UNTIL) ? "account.ban" : "account.suspend",
        subject(target),
        before,
        standing(until) + ": " + why);
    return new Outcome.Suspended(until, why);
  }

  private static String standing(Instant until) {
    return until.equals(BANNED_UNTIL) ? "banned" : "suspended until " + until;
  }

  /** An account as the audit log names it. */
  static String subject(Account a) {
    return "Account ‘" + a.userId() + "’";
  }

  static AuditLog.Actor actorOf(Account a) {
    return new AuditLog.Actor(a.userId(), a.shownName());
  }

  private static final java.time.format.DateTimeFormatter UNTIL =
      java.time.format.DateTimeFormatter.ofPattern(
              "d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  /** An account's standing now, as the users page says it. */
  public String standingNow(Account a) {
    if (!a.suspended(clock.instant())) {
      return "active";
    }
    return a.suspendedUntil().equals(BANNED_UNTIL)
        ? "banned"
        : "suspended until " + UNTIL.format(a.suspendedUntil());
  }
}
