package pressroom.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.mail.MailTemplates;
import pressroom.mail.Mailer;
import pressroom.web.Csrf;

/**
 * The mail the account flows send a reader — confirmation and recovery links, notes about the
 * account — rendered from the templates in accounts/mail, within limits so nobody can use the site
 * to flood a mailbox.
 */
public final class AccountMail {
  private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

  static final Duration RESET_TTL = Duration.ofMinutes(30);
  static final Duration VERIFY_TTL = Duration.ofHours(48);

  /**
   * Mail a reader can make us send (confirmation links, e-mail changes): per account, and per
   * address.
   */
  static final Throttle.Limit MAIL_PER_ACCOUNT = new Throttle.Limit(5, Duration.ofHours(1));

  static final Throttle.Limit MAIL_PER_ADDRESS = new Throttle.Limit(3, Duration.ofHours(1));

  private final AccountDao accounts;
  private final Throttle throttle;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final String baseUrl;
  private final String siteName;

  public AccountMail(
      AccountDao accounts,
      Throttle throttle,
      Mailer mailer,
      MailTemplates templates,
      String baseUrl,
      String siteName) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.mailer = mailer;
    this.templates = templates;
    this.baseUrl = baseUrl;
    this.siteName = siteName;
  }

  /**
   * Whether a reader may make us send one more mail to {@code address} now (empty: yes, and it is
   * counted), or how long until they may: limits per account (when there is one) and per address.
   */
  Optional<Duration> allowed(String accountId, String address, Instant now) {
    String to = "mail-to:" + address.toLowerCase(Locale.ROOT);
    String from = accountId == null ? null : "mail-from:" + accountId;
    Optional<Duration> wait = throttle.retryAfter(to, MAIL_PER_ADDRESS, now);
    if (wait.isEmpty() && from != null) {
      wait = throttle.retryAfter(from, MAIL_PER_ACCOUNT, now);
    }
    if (wait.isEmpty()) {
      throttle.record(to, now);
      if (from != null) {
        throttle.record(from, now);
      }
    }
    return wait;
  }

  /**
   * A new link that confirms {@code email} as the account's address, to that address. The page the
   * reader started from rides in the link rather than the database: it is only ever a path on this
   * site (checked again when the link is used), so nobody gains by editing it. Only the browser
   * named by {@code browserHash} (may be null) may be signed in by the link.
   */
  void sendVerification(
      String accountId,
      String userId,
      String email,
      String returnTo,
      String browserHash,
      Instant now) {
    String token = Csrf.newToken();
    accounts.createToken(
        Sessions.hash(token), accountId, "verify", email, browserHash, now.plus(VERIFY_TTL));
    String back = SignInPages.safeReturn(returnTo);
    String link =
        baseUrl
            + "/verify?token="
            + token
            + (back.equals("/")
                ? ""
                : "&return=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    send(
        email,
        "Confirm your e-mail address for " + siteName,
        "accounts/mail/verify.jte",
        Map.of("siteName", siteName, "userId", userId, "link", link));
  }

  /** To the owner of an address someone else tried to use: nothing changed, and how to recover. */
  void sendAddressTaken(String email) {
    send(
        email,
        "Your e-mail address at " + siteName,
        "accounts/mail/addressTaken.jte",
        Map.of("siteName", siteName, "recoverLink", baseUrl + "/recover"));
  }

  /** The account's user ID and a new link to choose a password. */
  void sendRecovery(Account a, Instant now) {
    String token = Csrf.newToken();
    accounts.createToken(Sessions.hash(token), a.id(), "reset", null, now.plus(RESET_TTL));
    send(
        a.email(),
        "Your " + siteName + " sign-in details",
        "accounts/mail/recovery.jte",
        Map.of("userId", a.userId(), "link", baseUrl + "/reset?token=" + token));
  }

  /** Tells the owner their password changed, so a change they did not make does not go unseen. */
  void sendPasswordChanged(Account a) {
    send(
        a.email(),
        "Your " + siteName + " password was changed",
        "accounts/mail/passwordChanged.jte",
        Map.of("userId", a.userId(), "recoverLink", baseUrl + "/recover"));
  }

  private void send(String to, String subject, String template, Map<String, Object> params) {
    try {
      mailer.send(templates.render(to, subject, template, params));
    } catch (RuntimeException e) {
      log.warn("Could not send mail to a reader: {}", e.getMessage());
    }
  }
}
