package pressroom.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * An account's second factor: its TOTP secret (set up, confirmed, removed) and its one-time
 * recovery codes; checks a typed code against both, throttled per account, each code good once.
 */
public final class TwoFactor {
  /** Wrong codes per account, whichever form they were typed in (sign-in, API, profile). */
  static final Throttle.Limit WRONG_CODES = new Throttle.Limit(5, Duration.ofMinutes(15));

  /** {@link #WRONG_CODES} counted with the attempt being checked already recorded. */
  private static final Throttle.Limit ATTEMPTS_COUNTED =
      new Throttle.Limit(WRONG_CODES.max() + 1, WRONG_CODES.window());

  static final int RECOVERY_CODES = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final Throttle throttle;
  private final AccountDao accounts;
  private final InstantSource clock;

  public TwoFactor(Jdbi jdbi, Throttle throttle, AccountDao accounts, InstantSource clock) {
    this.jdbi = jdbi;
    this.throttle = throttle;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** What a typed code turned out to be. */
  public sealed interface Check {
    record Accepted(boolean recoveryCode) implements Check {}

    record Refused() implements Check {}

    record TooMany(Throttled throttled) implements Check {}
  }

  /** Whether the account signs in with a code (its secret is confirmed). */
  public boolean enrolled(String accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT count(*) FROM account_totp WHERE account_id = :a AND confirmed_at IS NOT NULL")
                    .bind("a", accountId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /**
   * How long a secret being set up is offered again: a reload does not undo a scan just done, but a
   * secret someone else saw on this page earlier (a shared session, a screen) is not the one the
   * owner confirms later.
   */
  static final java.time.Duration SETUP_LASTS = java.time.Duration.ofMinutes(10);

  /**
   * The secret being set up (base32): the one from a visit within {@link #SETUP_LASTS}, else a new
   * one.
   */
  public String unconfirmedSecret(String accountId) {
    long now = clock.millis();
    return jdbi.inTransaction(
        h -> {
          // Two first visits at once (a double click, a prefetch): the second finds the first's
          // row.
          h.createUpdate(
                  "INSERT INTO account_totp (account_id, secret, created_at) VALUES (:a, :s, :now)"
                      + " ON CONFLICT (account_id) DO NOTHING")
              .bind("a", accountId)
              .bind("s", Totp.base32(Totp.newSecret()))
              .bind("now", now)
              .execute();
          h.createUpdate(
                  "UPDATE account_totp SET secret = :s, created_at = :now"
                      + " WHERE account_id = :a AND confirmed_at IS NULL AND created_at < :stale")
              .bind("a", accountId)
              .bind("s", Totp.base32(Totp.newSecret()))
              .bind("now", now)
              .bind("stale", now - SETUP_LASTS.toMillis())
              .execute();
          return h.createQuery(
                  "SELECT secret FROM account_totp WHERE account_id = :a AND confirmed_at IS NULL")
              .bind("a", accountId)
              .mapTo(String.class)
              .one();
        });
  }

  /**
   * Confirms the secret being set up with a code from it; on success the account signs in with
   * codes from now on and the answer holds its new recovery codes (shown once). Empty: wrong code.
   */
  public Optional<List<String>> confirm(String accountId, String code) {
    Instant now = clock.instant();
    Optional<String> secret =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT secret FROM account_totp WHERE account_id = :a AND confirmed_at IS NULL")
                    .bind("a", accountId)
                    .mapTo(String.class)
                    .findOne());
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong step = Totp.matchingStep(Totp.fromBase32(secret.get()), digits(code), now);
    if (step.isEmpty()) {
      return Optional.empty();
    }
    return jdbi.inTransaction(
        h -> {
          int confirmed =
              h.createUpdate(
                      "UPDATE account_totp SET confirmed_at = :now, last_step = :step"
                          + " WHERE account_id = :a AND secret = :s AND confirmed_at IS NULL")
                  .bind("now", now.toEpochMilli())
                  .bind("step", step.getAsLong())
                  .bind("a", accountId)
                  .bind("s", secret.get())
                  .execute();
          // Confirmed meanwhile by another request: its recovery codes stand.
          return confirmed == 1
              ? Optional.of(newRecoveryCodes(h, accountId))
              : Optional.<List<String>>empty();
        });
  }

  /**
   * Checks a code typed by the account's owner: six digits from the app (a step newer than the last
   * one accepted: a code seen over someone's shoulder is spent), or an unused recovery code (spent
   * by this). Wrong codes count against the account and the address.
   */
  public Check check(String accountId, String typed, String ip) {
    return checkCode(accountId, typed, ip);
  }

  /**
   * The owner proving it is them before turning the second factor off or replacing its recovery
   * codes: a code as {@link #check} takes it. Not the password: whoever holds only the password
   * (and a session from before the factor was set up) must not be able to mint recovery codes.
   */
  public Check confirmOwner(String accountId, String typed, String ip) {
    return checkCode(accountId, typed, ip);
  }

  private Check checkCode(String accountId, String typed, String ip) {
    Instant now = clock.instant();
    String accountKey = "two-factor:" + accountId;
    String ipKey = "signin-ip:" + ip;
    // The attempt is counted before the code is checked, so that many guesses sent at once all
    // count: each sees the others' rows (the limit allows WRONG_CODES of them, this one included).
    throttle.record(accountKey, now);
    var wait =
        throttle
            .retryAfter(accountKey, ATTEMPTS_COUNTED, now)
            .or(() -> throttle.retryAfter(ipKey, SignIns.SIGNIN_PER_IP, now));
    if (wait.isPresent()) {
      return new Check.TooMany(new Throttled(wait.get()));
    }
    Check result =
        totp(accountId, digits(typed), now)
            ? new Check.Accepted(false)
            : recoveryCode(accountId, typed, now) ? new Check.Accepted(true) : new Check.Refused();
    if (result instanceof Check.Refused) {
      throttle.record(ipKey, now);
    } else {
      throttle.clear(accountKey);
    }
    return result;
  }

  private boolean totp(String accountId, String code, Instant now) {
    Optional<String> secret =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT secret FROM account_totp WHERE account_id = :a AND confirmed_at IS NOT NULL")
                    .bind("a", accountId)
                    .mapTo(String.class)
                    .findOne());
    if (secret.isEmpty()) {
      return false;
    }
    OptionalLong step = Totp.matchingStep(Totp.fromBase32(secret.get()), code, now);
    if (step.isEmpty()) {
      return false;
    }
    // One conditional update, so two nodes given the same code at once accept it only once.
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE account_totp SET last_step = :step WHERE account_id = :a"
                            + " AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < :step)")
                    .bind("step", step.getAsLong())
                    .bind("a", accountId)
                    .execute())
        == 1;
  }

  private boolean recoveryCode(String accountId, String typed, Instant now) {
    String normal = normalRecoveryCode(typed);
    if (normal.length() != 10) {
      return false;
    }
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE recovery_codes SET used_at = :now"
                            + " WHERE account_id = :a AND code_hash = :h AND used_at IS NULL")
                    .bind("now", now.toEpochMilli())
                    .bind("a", accountId)
                    .bind("h", Sessions.hash(normal))
                    .execute())
        == 1;
  }

  /** New recovery codes for an enrolled account; the old ones stop working. */
  public List<String> regenerateRecoveryCodes(String accountId) {
    return jdbi.inTransaction(h -> newRecoveryCodes(h, accountId));
  }

  /** Recovery codes not yet used. */
  public int recoveryCodesLeft(String accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM recovery_codes WHERE account_id = :a AND used_at IS NULL")
                .bind("a", accountId)
                .mapTo(Integer.class)
                .one());
  }

  /** Removes the second factor: the secret and every recovery code. */
  public void disable(String accountId) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM recovery_codes WHERE account_id = :a")
              .bind("a", accountId)
              .execute();
          h.createUpdate("DELETE FROM account_totp WHERE account_id = :a")
              .bind("a", accountId)
              .execute();
        });
  }

  /**
   * Removes the second factor of the account a user ID or e-mail names: the operator's way back in
   * for someone who lost both phone and recovery codes. Empty when no account has that name.
   */
  public Optional<Account> removeFor(String login) {
    Optional<Account> a = accounts.byLogin(login).map(AccountDao.WithHash::account);
    a.ifPresent(found -> disable(found.id()));
    return a;
  }

  private static List<String> newRecoveryCodes(Handle h, String accountId) {
    h.createUpdate("DELETE FROM recovery_codes WHERE account_id = :a")
        .bind("a", accountId)
        .execute();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      byte[] random = new byte[7];
      RANDOM.nextBytes(random);
      // 50 random bits as ten base32 letters and digits, shown as two groups of five.
      String code = Totp.base32(random).substring(0, 10).toLowerCase(Locale.ROOT);
      h.createUpdate("INSERT INTO recovery_codes (account_id, code_hash) VALUES (:a, :h)")
          .bind("a", accountId)
          .bind("h", Sessions.hash(code))
          .execute();
      codes.add(code.substring(0, 5) + "-" + code.substring(5));
    }
    return List.copyOf(codes);
  }

  /** Spaces are allowed in a typed code, as apps show "123 456". */
  private static String digits(String typed) {
    return typed == null ? "" : typed.replaceAll("\\s", "");
  }

  private static String normalRecoveryCode(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }
}
