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
  private final TwoFactor twoFactor;
  private final PendingSignIns pending;
  private final InstantSource clock;

  public SignIns(
      AccountDao accounts,
      Sessions sessions,
      Passwords passwords,
      Throttle throttle,
      TwoFactor twoFactor,
      PendingSignIns pending,
      InstantSource clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.throttle = throttle;
    this.twoFactor = twoFactor;
    this.pending = pending;
    this.clock = clock;
  }

  public sealed interface SignIn {
    record Ok(Account account, String sessionCookie, boolean remember) implements SignIn {}

    record Failed() implements SignIn {}

    record TooMany(Throttled throttled) implements SignIn {}

    /** The password is right and the account has a second factor: its code is to come. */
    record CodeNeeded(String pendingValue) implements SignIn {}

    /** The password is right, but the account has a second factor and no code came with it. */
    record CodeMissing() implements SignIn {}

    /** The password was right, the code is not (or is spent). */
    record WrongCode() implements SignIn {}

    /** The sign-in waiting for a code is unknown or took too long. */
    record Expired() implements SignIn {}
  }

  /**
   * The sign-in form: a right password signs in, or, for an account with a second factor, starts a
   * sign-in that waits for the code ({@link #finish}).
   */
  public SignIn signIn(
      String login, String password, boolean remember, String ip, String userAgent) {
    PasswordCheck checked = checkPassword(login, password, ip);
    if (checked.refused() != null) {
      return checked.refused();
    }
    Account a = checked.account();
    Instant now = clock.instant();
    if (twoFactor.enrolled(a.id())) {
      return new SignIn.CodeNeeded(pending.create(a.id(), remember, now));
    }
    return new SignIn.Ok(a, sessions.create(a.id(), remember, userAgent, now), remember);
  }

  /** The code for a sign-in that waits for one. */
  public SignIn finish(String pendingValue, String code, String ip, String userAgent) {
    Instant now = clock.instant();
    var waiting = pending.find(pendingValue, now);
    if (waiting.isEmpty()) {
      return new SignIn.Expired();
    }
    String accountId = waiting.get().accountId();
    Optional<SignIn> refused = refusedCode(accountId, code, ip);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!pending.end(pendingValue)) {
      return new SignIn.Expired(); // another request finished it first
    }
    Account a = accounts.find(accountId).orElse(null);
    if (a == null) {
      return new SignIn.Expired();
    }
    boolean remember = waiting.get().remember();
    return new SignIn.Ok(a, sessions.create(a.id(), remember, userAgent, now), remember);
  }

  /**
   * Whether a confirmation link may sign in the browser it is used in: only a registration's (the
   * account's first address, never a change: that reader has a session already), only in the
   * browser that registered (so a link for an account someone else made with your address never
   * signs you into it), and only for a reader without a second factor (the link is one factor;
   * staff sign in by password and the staff's rules).
   */
  public boolean confirmationSignsIn(
      String accountId, boolean firstAddress, String linkBrowserHash, String browserCookie) {
    if (!firstAddress || linkBrowserHash == null || browserCookie == null) {
      return false;
    }
    boolean sameBrowser =
        java.security.MessageDigest.isEqual(
            linkBrowserHash.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Sessions.hash(browserCookie).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return sameBrowser
        && accounts
            .find(accountId)
            .filter(a -> a.role() == pressroom.web.Access.Role.READER)
            .isPresent()
        && !twoFactor.enrolled(accountId);
  }

  /** A session for a reader whose confirmation {@link #confirmationSignsIn signs in}. */
  public Optional<SignIn.Ok> signInByConfirmation(String accountId, String userAgent) {
    return accounts
        .find(accountId)
        .map(
            a ->
                new SignIn.Ok(
                    a, sessions.create(accountId, false, userAgent, clock.instant()), false));
  }

  /** Whether a browser's value names a sign-in still waiting for its code. */
  public boolean waitingForCode(String pendingValue) {
    return pending.find(pendingValue, clock.instant()).isPresent();
  }

  /** The API: password and, for an account with a second factor, its code, in one call. */
  public SignIn signIn(
      String login, String password, String code, boolean remember, String ip, String userAgent) {
    PasswordCheck checked = checkPassword(login, password, ip);
    if (checked.refused() != null) {
      return checked.refused();
    }
    Account a = checked.account();
    if (twoFactor.enrolled(a.id())) {
      if (code == null || code.isBlank()) {
        return new SignIn.CodeMissing();
      }
      Optional<SignIn> refused = refusedCode(a.id(), code, ip);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    return new SignIn.Ok(
        a, sessions.create(a.id(), remember, userAgent, clock.instant()), remember);
  }

  /** Why a code is refused, or empty when it is accepted (and spent). */
  private Optional<SignIn> refusedCode(String accountId, String code, String ip) {
    return switch (twoFactor.check(accountId, code, ip)) {
      case TwoFactor.Check.Accepted ok -> Optional.empty();
      case TwoFactor.Check.Refused r -> Optional.of(new SignIn.WrongCode());
      case TwoFactor.Check.TooMany t -> Optional.of(new SignIn.TooMany(t.throttled()));
    };
  }

  /** The account whose password was typed, or why not (exactly one of the two is set). */
  private record PasswordCheck(Account account, SignIn refused) {}

  private PasswordCheck checkPassword(String login, String password, String ip) {
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
      return new PasswordCheck(null, new SignIn.TooMany(new Throttled(wait.get())));
    }
    String pw = password == null ? "" : password;
    if (found.isEmpty()) {
      passwords.verifyDummy(pw); // the same time as a real check: no telling which part was wrong
      throttle.record(loginKey, now);
      throttle.record(ipKey, now);
      return new PasswordCheck(null, new SignIn.Failed());
    }
    Passwords.Verification v = passwords.verify(pw, found.get().passwordHash());
    if (!v.matches()) {
      throttle.record(loginKey, now);
      throttle.record(ipKey, now);
      return new PasswordCheck(null, new SignIn.Failed());
    }
    Account a = found.get().account();
    if (v.rehashed() != null) {
      accounts.setPasswordHash(a.id(), v.rehashed());
    }
    throttle.clear(loginKey);
    return new PasswordCheck(a, null);
  }

  /** Ends every session of the account ("sign out everywhere"), and its confirmation links. */
  public void signOutAll(Account a) {
    sessions.endAll(a.id(), null);
    accounts.spendTokens(a.id(), "verify", clock.instant());
  }
}
