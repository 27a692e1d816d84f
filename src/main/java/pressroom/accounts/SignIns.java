package pressroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Signing in (throttled per account and per address, the same time whether or not the account
 * exists) and signing out everywhere. Follows the OWASP Authentication and Session Management cheat
 * sheets.
 */
public final class SignIns {
  static final Throttle.Limit SIGNIN_PER_ACCOUNT = new Throttle.Limit(5, Duration.ofMinutes(15));
  static final Throttle.Limit SIGNIN_PER_IP = new Throttle.Limit(20, Duration.ofMinutes(15));

  private final AccountDao accounts;
  private final Sessions sessions;
  private final Passwords passwords;
  private final Throttle throttle;
  private final InstantSource clock;

  public SignIns(
      AccountDao accounts,
      Sessions sessions,
      Passwords passwords,
      Throttle throttle,
      InstantSource clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.throttle = throttle;
    this.clock = clock;
  }

  public sealed interface SignIn {
    record Ok(Account account, String sessionCookie) implements SignIn {}

    record Failed() implements SignIn {}

    record TooMany(Throttled throttled) implements SignIn {}
  }

  public SignIn signIn(
      String login, String password, boolean remember, String ip, String userAgent) {
    Instant now = clock.instant();
    Optional<AccountDao.WithHash> found =
        login == null || login.isBlank() ? Optional.empty() : accounts.byLogin(login);
    // Failures count against the account, whichever of its user ID or e-mail was typed.
    String loginKey =
        found
            .map(f -> "signin-account:" + f.account().id())
            .orElse(
                "signin-login:"
                    + (login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT)));
    String ipKey = "signin-ip:" + ip;
    Optional<Duration> wait =
        throttle
            .retryAfter(loginKey, SIGNIN_PER_ACCOUNT, now)
            .or(() -> throttle.retryAfter(ipKey, SIGNIN_PER_IP, now));
    if (wait.isPresent()) {
      return new SignIn.TooMany(new Throttled(wait.get()));
    }
    String pw = password == null ? "" : password;
    if (found.isEmpty()) {
      passwords.verifyDummy(pw); // the same time as a real check: no telling which part was wrong
      throttle.record(loginKey, now);
      throttle.record(ipKey, now);
      return new SignIn.Failed();
    }
    Passwords.Verification v = passwords.verify(pw, found.get().passwordHash());
    if (!v.matches()) {
      throttle.record(loginKey, now);
      throttle.record(ipKey, now);
      return new SignIn.Failed();
    }
    Account a = found.get().account();
    if (v.rehashed() != null) {
      accounts.setPasswordHash(a.id(), v.rehashed());
    }
    throttle.clear(loginKey);
    return new SignIn.Ok(a, sessions.create(a.id(), remember, userAgent, now));
  }

  /** Ends every session of the account ("sign out everywhere"). */
  public void signOutAll(Account a) {
    sessions.endAll(a.id(), null);
  }
}
