package pressroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.mail.MailTemplates;
import pressroom.mail.Mailer;
import pressroom.web.Access.Role;

/**
 * The account flows — register, verify, sign in, recover, reset, change — shared by the HTML pages
 * and the JSON API, so both behave the same. Follows the OWASP Authentication, Session Management
 * and Forgot Password cheat sheets.
 */
public final class AccountService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  static final Throttle.Limit SIGNIN_PER_ACCOUNT = new Throttle.Limit(5, Duration.ofMinutes(15));
  static final Throttle.Limit SIGNIN_PER_IP = new Throttle.Limit(20, Duration.ofMinutes(15));
  static final Throttle.Limit RECOVER_PER_IP = new Throttle.Limit(5, Duration.ofMinutes(15));
  static final Throttle.Limit RECOVER_PER_LOGIN = new Throttle.Limit(3, Duration.ofHours(1));
  static final Throttle.Limit REGISTER_PER_IP = new Throttle.Limit(10, Duration.ofHours(1));
  private static final Map<String, String> USER_ID_TAKEN =
      Map.of("userId", "This user ID is taken; choose another.");

  private final AccountDao accounts;
  private final Sessions sessions;
  private final Passwords passwords;
  private final Throttle throttle;
  private final AccountMail accountMail;
  private final String siteName;
  // Recovery mail goes out after the answer, so the answer takes the same time either way.
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  public AccountService(
      AccountDao accounts,
      Sessions sessions,
      Passwords passwords,
      Throttle throttle,
      Mailer mailer,
      String baseUrl,
      String siteName) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.throttle = throttle;
    this.accountMail =
        new AccountMail(accounts, throttle, mailer, new MailTemplates(), baseUrl, siteName);
    this.siteName = siteName;
  }

  /** Too many attempts: try again after {@code retryAfter}. */
  public record Throttled(Duration retryAfter) {}

  // ---- register

  public sealed interface Registration {
    /**
     * Done, as far as the asker may know: a new account and its confirmation link, or, for an
     * address that already has an account, a note to its owner. {@code accountId} is the new
     * account's id, or null in the second case; pages and the API never show it, as it would tell
     * the two apart (the command line, run by an operator, does).
     */
    record Created(String accountId) implements Registration {}

    /** Field name → problem, e.g. "userId" → "This user ID is taken." */
    record Invalid(Map<String, String> errors, boolean conflict) implements Registration {}

    record TooMany(Throttled throttled) implements Registration {}
  }

  public Registration register(
      String userId, String email, String password, String displayName, String ip) {
    Instant now = Instant.now();
    Optional<Duration> wait = throttle.retryAfter("register-ip:" + ip, REGISTER_PER_IP, now);
    if (wait.isPresent()) {
      return new Registration.TooMany(new Throttled(wait.get()));
    }
    // Every attempt counts, not only the accounts made: each answer tells something.
    throttle.record("register-ip:" + ip, now);
    String uid = userId == null ? "" : userId.strip();
    String mail = email == null ? "" : email.strip();
    String pw = password == null ? "" : password;
    Map<String, String> errors = new LinkedHashMap<>();
    UserIdPolicy.problems(uid).stream().findFirst().ifPresent(p -> errors.put("userId", p));
    EmailAddresses.problems(mail).stream().findFirst().ifPresent(p -> errors.put("email", p));
    PasswordPolicy.problems(pw, uid, mail).stream()
        .findFirst()
        .ifPresent(p -> errors.put("password", p));
    String name = null;
    switch (DisplayNames.check(displayName, Role.READER, siteName)) {
      case DisplayNames.Outcome.Ok ok -> name = ok.name();
      case DisplayNames.Outcome.Refused r -> errors.put("displayName", r.problem());
    }
    if (!errors.isEmpty()) {
      return new Registration.Invalid(errors, false);
    }
    // User IDs are public (they sign comments), so a taken one may be said; an e-mail address
    // may not: a taken one gets the same answer as a new one, and its owner gets a note.
    if (accounts.userIdTaken(uid)) {
      return new Registration.Invalid(USER_ID_TAKEN, true);
    }
    String hash = passwords.hash(pw); // spent either way, so both answers take as long
    if (accounts.emailTaken(mail)) {
      tellOwnerOfTakenAddress(mail, now);
      return new Registration.Created(null);
    }
    Optional<String> id = accounts.create(uid, mail, name, hash, Role.READER, false);
    if (id.isEmpty()) { // taken between the check and the insert: the same answers as above
      if (accounts.userIdTaken(uid)) {
        return new Registration.Invalid(USER_ID_TAKEN, true);
      }
      tellOwnerOfTakenAddress(mail, now);
      return new Registration.Created(null);
    }
    accountMail.sendVerification(id.get(), uid, mail, now);
    return new Registration.Created(id.get());
  }

  /** Someone tried to use an address that has an account: its owner hears of it (within limits). */
  private void tellOwnerOfTakenAddress(String mail, Instant now) {
    if (accountMail
        .allowed(null, mail, now)
        .isEmpty()) { // over the limit the note is skipped, never the answer
      accountMail.sendAddressTaken(mail);
    }
  }

  /** Creates a staff or reader account from the command line; verified, no mail. */
  public Registration createVerified(String userId, String email, String password, Role role) {
    Map<String, String> errors = new LinkedHashMap<>();
    UserIdPolicy.problems(userId).stream().findFirst().ifPresent(p -> errors.put("userId", p));
    EmailAddresses.problems(email).stream().findFirst().ifPresent(p -> errors.put("email", p));
    PasswordPolicy.problems(password, userId, email).stream()
        .findFirst()
        .ifPresent(p -> errors.put("password", p));
    if (!errors.isEmpty()) {
      return new Registration.Invalid(errors, false);
    }
    return accounts
        .create(userId.strip(), email.strip(), null, passwords.hash(password), role, true)
        .<Registration>map(Registration.Created::new)
        .orElseGet(
            () ->
                new Registration.Invalid(
                    Map.of("userId", "This user ID or e-mail address is taken."), true));
  }

  /**
   * Confirms an e-mail address from the mailed link; false when the link is unknown, used or old.
   */
  public boolean verify(String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    Instant now = Instant.now();
    return accounts
        .useToken(Sessions.hash(token.strip()), "verify", now)
        .map(
            use -> {
              accounts.setVerified(use.accountId(), use.email(), now);
              return true;
            })
        .orElse(false);
  }

  /**
   * Sends a new confirmation link (the reader lost the first), unless too many went out lately:
   * then how long to wait.
   */
  public Optional<Duration> resendVerification(Account a) {
    if (a.verified()) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    Optional<Duration> wait = accountMail.allowed(a.id(), a.email(), now);
    if (wait.isEmpty()) {
      accountMail.sendVerification(a.id(), a.userId(), a.email(), now);
    }
    return wait;
  }

  // ---- sign in

  public sealed interface SignIn {
    record Ok(Account account, String sessionCookie) implements SignIn {}

    record Failed() implements SignIn {}

    record TooMany(Throttled throttled) implements SignIn {}
  }

  public SignIn signIn(
      String login, String password, boolean remember, String ip, String userAgent) {
    Instant now = Instant.now();
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

  // ---- recover and reset

  /**
   * Starts recovery for a user ID or e-mail. Answers the same, in the same time, whether or not an
   * account matches: the lookup and the mail happen after the caller has answered.
   *
   * @return empty, or how long to wait when this address asked too often
   */
  public Optional<Throttled> recover(String login, String ip) {
    Instant now = Instant.now();
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
        && accounts.tokenUsable(Sessions.hash(token.strip()), "reset", Instant.now());
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
    // The same rules as everywhere else, the user ID and e-mail included.
    Optional<Account> owner =
        accounts
            .tokenAccount(Sessions.hash(token.strip()), "reset", Instant.now())
            .flatMap(accounts::find);
    if (owner.isEmpty()) {
      return new Reset.BadToken();
    }
    List<String> problems = PasswordPolicy.problems(pw, owner.get().userId(), owner.get().email());
    if (!problems.isEmpty()) {
      return new Reset.Invalid(problems.get(0));
    }
    Optional<AccountDao.TokenUse> use =
        accounts.useToken(Sessions.hash(token.strip()), "reset", Instant.now());
    if (use.isEmpty()) {
      return new Reset.BadToken();
    }
    setPassword(use.get().accountId(), pw, null);
    return new Reset.Done();
  }

  // ---- profile

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

  /** Every way a password changes ends here: other sessions end and no older reset link works. */
  private void setPassword(String accountId, String password, String keepSession) {
    accounts.setPasswordHash(accountId, passwords.hash(password));
    accounts.spendTokens(accountId, "reset", Instant.now());
    sessions.endAll(accountId, keepSession);
    accounts.find(accountId).ifPresent(accountMail::sendPasswordChanged);
  }

  /**
   * Starts an e-mail change: the new address gets a confirmation link; until then the old one
   * stays.
   */
  public Optional<String> changeEmail(Account a, String newEmail) {
    String mail = newEmail == null ? "" : newEmail.strip();
    List<String> problems = EmailAddresses.problems(mail);
    if (!problems.isEmpty()) {
      return Optional.of(problems.get(0));
    }
    Instant now = Instant.now();
    Optional<Duration> wait = accountMail.allowed(a.id(), mail, now);
    if (wait.isPresent()) {
      return Optional.of(
          "Too many messages went to this account or address lately; try again in "
              + Math.max(1, (wait.get().toSeconds() + 59) / 60)
              + " minutes.");
    }
    if (accounts.emailTaken(mail)) {
      // The same answer as for a free address: whether an address has an account is not told.
      if (!a.email().equalsIgnoreCase(mail)) {
        accountMail.sendAddressTaken(mail); // counted above
      }
      return Optional.empty();
    }
    accountMail.sendVerification(a.id(), a.userId(), mail, now);
    return Optional.empty();
  }

  /** Deletes the account after checking the password: personal data is removed, sessions end. */
  public boolean delete(Account a, String password) {
    String hash = accounts.passwordHash(a.id()).orElse("");
    if (!passwords.verify(password == null ? "" : password, hash).matches()) {
      return false;
    }
    accounts.anonymise(a.id(), Instant.now());
    return true;
  }

  /**
   * Sets the name shown beside the reader's comments (blank: none), or says what is wrong with it.
   */
  public Optional<String> setDisplayName(Account a, String raw) {
    return switch (DisplayNames.check(raw, a.role(), siteName)) {
      case DisplayNames.Outcome.Ok ok -> {
        accounts.setDisplayName(a.id(), ok.name());
        yield Optional.empty();
      }
      case DisplayNames.Outcome.Refused r -> Optional.of(r.problem());
    };
  }

  /** Everything we hold about the reader, as JSON-ready maps: the profile, then each other part. */
  public Map<String, Object> export(Account a, List<PersonalData> parts) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("userId", a.userId());
    profile.put("email", a.email());
    profile.put("displayName", a.displayName());
    profile.put("emailVerified", a.verified());
    profile.put("role", a.role().name().toLowerCase(java.util.Locale.ROOT));
    profile.put("notifyReplies", a.notifyReplies());
    profile.put("createdAt", a.createdAt().toString());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("profile", profile);
    for (PersonalData part : parts) {
      out.put(part.part(), part.reader().of(a.id()));
    }
    return out;
  }

  @Override
  public void close() {
    background.shutdown();
  }
}
