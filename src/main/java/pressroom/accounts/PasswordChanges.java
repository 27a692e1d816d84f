package pressroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every way a password changes: recovery by a mailed link (OWASP Forgot Password cheat sheet), and
 * a change by the signed-in reader. Each ends other sessions and spends older reset links.
 */
public final class PasswordChanges implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

  static final Throttle.Limit RECOVER_PER_IP = new Throttle.Limit(5, Duration.ofMinutes(15));
  static final Throttle.Limit RECOVER_PER_LOGIN = new Throttle.Limit(3, Duration.ofHours(1));

  private final AccountDao accounts;
  private final Sessions sessions;
  private final Passwords passwords;
  private final Throttle throttle;
  private final AccountMail accountMail;
  private final InstantSource clock;

  // Recovery mail goes out after the answer, so the answer takes the same time either way.
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  public PasswordChanges(
      AccountDao accounts,
      Sessions sessions,
      Passwords passwords,
      Throttle throttle,
      AccountMail accountMail,
      InstantSource clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.throttle = throttle;
    this.accountMail = accountMail;
    this.clock = clock;
  }

  /**
   * Starts recovery for a user ID or e-mail. Answers the same, in the same time, whether or not an
   * account matches: the lookup and the mail happen after the caller has answered.
   *
   * @return empty, or how long to wait when this address asked too often
   */
  public Optional<Throttled> recover(String login, String ip) {
    Instant now = clock.instant();
    Optional<Duration> wait = throttle.retryAfter("recover-ip:" + ip, RECOVER_PER_IP, now);
    if (wait.isPresent()) {
      return Optional.of(new Throttled(wait.get()));
    }
    throttle.record("recover-ip:" + ip, now);
    String l = login == null ? "" : login.strip();
    background.submit(() -> sendReset(l, now));
    return Optional.empty();
  }

  private void sendReset(String login, Instant now) {
    try {
      if (login.isEmpty()) {
        return;
      }
      Optional<AccountDao.WithHash> account = accounts.byLogin(login);
      // Per account, whichever of its user ID or e-mail was typed.
      String loginKey =
          account
              .map(f -> "recover-account:" + f.account().id())
              .orElse("recover-login:" + login.toLowerCase(java.util.Locale.ROOT));
      if (throttle.retryAfter(loginKey, RECOVER_PER_LOGIN, now).isPresent()) {
        return; // never locks the account: the existing link still works, no new mail
      }
      throttle.record(loginKey, now);
      account.ifPresent(found -> accountMail.sendRecovery(found.account(), now));
    } catch (RuntimeException e) {
      log.warn("Could not send a recovery mail: {}", e.toString());
    }
  }

  /** True while a reset link can still be used (to show its form, or say it has expired). */
  public boolean resetUsable(String token) {
    return token != null
        && accounts.tokenUsable(Sessions.hash(token.strip()), "reset", clock.instant());
  }

  public sealed interface Reset {
    record Done() implements Reset {}

    record BadToken() implements Reset {}

    record Invalid(String problem) implements Reset {}
  }

  /** Sets a new password from a reset link; signs out every session; does not sign in. */
  public Reset reset(String token, String newPassword) {
    if (!resetUsable(token)) {
      return new Reset.BadToken();
    }
    String pw = newPassword == null ? "" : newPassword;
    Instant now = clock.instant();
    // The same rules as everywhere else, the user ID and e-mail included.
    Optional<Account> owner =
        accounts.tokenAccount(Sessions.hash(token.strip()), "reset", now).flatMap(accounts::find);
    if (owner.isEmpty()) {
      return new Reset.BadToken();
    }
    List<String> problems = PasswordPolicy.problems(pw, owner.get().userId(), owner.get().email());
    if (!problems.isEmpty()) {
      return new Reset.Invalid(problems.get(0));
    }
    Optional<AccountDao.TokenUse> use =
        accounts.useToken(Sessions.hash(token.strip()), "reset", now);
    if (use.isEmpty()) {
      return new Reset.BadToken();
    }
    setPassword(use.get().accountId(), pw, null);
    return new Reset.Done();
  }

  /** Changes the password after checking the current one; other sessions are signed out. */
  public Optional<String> changePassword(
      Account a, String current, String next, String keepSession) {
    String hash = accounts.passwordHash(a.id()).orElse("");
    if (!passwords.verify(current == null ? "" : current, hash).matches()) {
      return Optional.of("The current password is not right.");
    }
    List<String> problems =
        PasswordPolicy.problems(next == null ? "" : next, a.userId(), a.email());
    if (!problems.isEmpty()) {
      return Optional.of(problems.get(0));
    }
    setPassword(a.id(), next, keepSession);
    return Optional.empty();
  }

  /**
   * Every way a password changes ends here: other sessions end and no older reset or confirmation
   * link works (either could be in the hands the new password shuts out).
   */
  private void setPassword(String accountId, String password, String keepSession) {
    accounts.setPasswordHash(accountId, passwords.hash(password));
    accounts.spendTokens(accountId, "reset", clock.instant());
    accounts.spendTokens(accountId, "verify", clock.instant());
    sessions.endAll(accountId, keepSession);
    accounts.find(accountId).ifPresent(accountMail::sendPasswordChanged);
  }

  @Override
  public void close() {
    background.shutdown();
  }
}
