package pressroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import pressroom.web.Access.Role;

/**
 * Registration and the confirmation of e-mail addresses, for the pages, the API and the command
 * line alike. Follows the OWASP Authentication cheat sheet: a taken address is never told apart.
 */
public final class Registrations {
  static final Throttle.Limit REGISTER_PER_IP = new Throttle.Limit(10, Duration.ofHours(1));
  private static final Map<String, String> USER_ID_TAKEN =
      Map.of("userId", "This user ID is taken; choose another.");

  private final AccountDao accounts;
  private final Passwords passwords;
  private final Throttle throttle;
  private final AccountMail accountMail;
  private final String siteName;
  private final InstantSource clock;

  public Registrations(
      AccountDao accounts,
      Passwords passwords,
      Throttle throttle,
      AccountMail accountMail,
      String siteName,
      InstantSource clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.throttle = throttle;
    this.accountMail = accountMail;
    this.siteName = siteName;
    this.clock = clock;
  }

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
    return register(userId, email, password, displayName, ip, "/", null);
  }

  /**
   * Registers; the confirmation link brings the reader back to {@code returnTo} (a path on this
   * site, checked again when the link is used); the link signs in only the browser whose cookie
   * hashes to {@code browserHash} (null: none).
   */
  public Registration register(
      String userId,
      String email,
      String password,
      String displayName,
      String ip,
      String returnTo,
      String browserHash) {
    Instant now = clock.instant();
    Optional<Duration> wait = throttle.retryAfter("register-ip:" + ip, REGISTER_PER_IP, now);
    if (wait.isPresent()) {
      return new Registration.TooMany(new Throttled(wait.get()));
    }
    // Every attempt counts, not only the accounts made: each answer tells something.
    throttle.record("register-ip:" + ip, now);
    String uid = userId == null ? "" : userId.strip();
    String mail = email == null ? "" : email.strip();
    String pw = password == null ? "" : password;
    Map<String, String> errors = problems(uid, mail, pw);
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
    Optional<String> id = accounts.create(uid, mail, name, hash, Role.READER, false, now);
    if (id.isEmpty()) { // taken between the check and the insert: the same answers as above
      if (accounts.userIdTaken(uid)) {
        return new Registration.Invalid(USER_ID_TAKEN, true);
      }
      tellOwnerOfTakenAddress(mail, now);
      return new Registration.Created(null);
    }
    accountMail.sendVerification(id.get(), uid, mail, returnTo, browserHash, now);
    return new Registration.Created(id.get());
  }

  /** Field name → the first problem with it, for the fields every account has. */
  private static Map<String, String> problems(String userId, String email, String password) {
    Map<String, String> errors = new LinkedHashMap<>();
    UserIdPolicy.problems(userId).stream().findFirst().ifPresent(p -> errors.put("userId", p));
    EmailAddresses.problems(email).stream().findFirst().ifPresent(p -> errors.put("email", p));
    PasswordPolicy.problems(password, userId, email).stream()
        .findFirst()
        .ifPresent(p -> errors.put("password", p));
    return errors;
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
    Map<String, String> errors = problems(userId, email, password);
    if (!errors.isEmpty()) {
      return new Registration.Invalid(errors, false);
    }
    return accounts
        .create(
            userId.strip(),
            email.strip(),
            null,
            passwords.hash(password),
            role,
            true,
            clock.instant())
        .<Registration>map(Registration.Created::new)
        .orElseGet(
            () ->
                new Registration.Invalid(
                    Map.of("userId", "This user ID or e-mail address is taken."), true));
  }

  /** How using a confirmation link ended. */
  public sealed interface Confirmation {
    /**
     * The address is confirmed. {@code firstAddress}: it was the account's first (a registration,
     * not a change); {@code browserHash}: the browser that registered, or null.
     */
    record Confirmed(String accountId, boolean firstAddress, String browserHash)
        implements Confirmation {}

    /** Another account took the address meanwhile; nothing changed. */
    record AddressTaken() implements Confirmation {}

    /** The link is unknown, used or older than {@link AccountMail#VERIFY_TTL}. */
    record LinkDoesNotWork() implements Confirmation {}
  }

  /**
   * Confirms an e-mail address from the mailed link, once; every other link of the account dies.
   */
  public Confirmation confirm(String token) {
    if (token == null || token.isBlank()) {
      return new Confirmation.LinkDoesNotWork();
    }
    return switch (accounts.confirmEmail(Sessions.hash(token.strip()), clock.instant())) {
      case AccountDao.EmailConfirmation.Confirmed c ->
          new Confirmation.Confirmed(
              c.link().accountId(), c.link().firstAddress(), c.link().browserHash());
      case AccountDao.EmailConfirmation.AddressTaken t -> new Confirmation.AddressTaken();
      case AccountDao.EmailConfirmation.Unusable u -> new Confirmation.LinkDoesNotWork();
    };
  }

  /**
   * What a confirmation link would do, without using it (the page that asks "confirm for this user
   * ID?" before anything changes); empty when the link would not work.
   */
  public Optional<PendingConfirmation> pendingConfirmation(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return accounts
        .pendingVerify(Sessions.hash(token.strip()), clock.instant())
        .flatMap(
            p ->
                accounts
                    .find(p.accountId())
                    .map(
                        a ->
                            new PendingConfirmation(
                                a.id(), a.userId(), p.firstAddress(), p.browserHash())));
  }

  /**
   * A confirmation link not yet used: whose it is, and what {@link Confirmation.Confirmed} says.
   */
  public record PendingConfirmation(
      String accountId, String userId, boolean firstAddress, String browserHash) {}

  /**
   * Sends a new confirmation link (the reader lost the first), unless too many went out lately:
   * then how long to wait.
   */
  public Optional<Duration> resendVerification(Account a) {
    if (a.verified()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Duration> wait = accountMail.allowed(a.id(), a.email(), now);
    if (wait.isEmpty()) {
      accountMail.sendVerification(a.id(), a.userId(), a.email(), "/", null, now);
    }
    return wait;
  }
}
