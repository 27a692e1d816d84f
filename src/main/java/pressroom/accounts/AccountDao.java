package pressroom.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import pressroom.db.Ids;
import pressroom.web.Access.Role;

/** The SQL for accounts and their one-time tokens. */
public final class AccountDao {
  private static final String COLUMNS =
      "id, user_id, email, display_name, role, email_verified_at, notify_replies,"
          + " suspended_until, suspended_reason, created_at";

  /** The columns {@link #account} reads, from the accounts table named {@code alias} in a join. */
  static String columns(String alias) {
    return java.util.Arrays.stream(COLUMNS.split(","))
        .map(c -> alias + "." + c.strip())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private final Jdbi jdbi;

  /** Told the id of every account written here, after the write (see {@link #onChange}). */
  private volatile java.util.function.Consumer<String> changed = id -> {};

  /** Whom to tell when an account's row changes: the sessions that keep recent ones. */
  void onChange(java.util.function.Consumer<String> listener) {
    this.changed = listener;
  }

  public AccountDao(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A stored account with its password hash, for sign-in only. */
  record WithHash(Account account, String passwordHash) {}

  /**
   * Creates an account.
   *
   * @param now when it is created (and confirmed, if {@code verified})
   * @return empty when the user ID or e-mail is already taken (ignoring case)
   */
  public Optional<String> create(
      String userId,
      String email,
      String displayName,
      String hash,
      Role role,
      boolean verified,
      Instant now) {
    String id = Ids.newId();
    int n =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO accounts (id, user_id, user_id_key, email, email_key, display_name,
                          password_hash, role, email_verified_at, created_at)
                        SELECT :id, :userId, :userKey, :email, :emailKey, :display, :hash, :role, :verified, :now
                        WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE user_id_key = :userKey OR email_key = :emailKey)
                        """)
                    .bind("id", id)
                    .bind("userId", userId)
                    .bind("userKey", UserIdPolicy.key(userId))
                    .bind("email", email.strip())
                    .bind("emailKey", EmailAddresses.key(email))
                    .bind(
                        "display",
                        displayName == null || displayName.isBlank() ? null : displayName.strip())
                    .bind("hash", hash)
                    .bind("role", role.name().toLowerCase(java.util.Locale.ROOT))
                    .bind("verified", verified ? (Long) now.toEpochMilli() : null)
                    .bind("now", now.toEpochMilli())
                    .execute());
    return n == 1 ? Optional.of(id) : Optional.empty();
  }

  public Optional<Account> find(String id) {
    return one("WHERE id = :v AND deleted_at IS NULL", id);
  }

  /** The account whose user ID or e-mail is {@code login}, ignoring case. */
  Optional<WithHash> byLogin(String login) {
    String key = login.strip().toLowerCase(java.util.Locale.ROOT);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + ", password_hash FROM accounts"
                        + " WHERE (user_id_key = :k OR email_key = :k) AND deleted_at IS NULL")
                .bind("k", key)
                .map((rs, ctx) -> new WithHash(account(rs), rs.getString("password_hash")))
                .findFirst());
  }

  Optional<String> passwordHash(String accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT password_hash FROM accounts WHERE id = :id")
                .bind("id", accountId)
                .mapTo(String.class)
                .findOne());
  }

  public boolean userIdTaken(String userId) {
    return exists("user_id_key", UserIdPolicy.key(userId));
  }

  public boolean emailTaken(String email) {
    return exists("email_key", EmailAddresses.key(email));
  }

  private boolean exists(String column, String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM accounts WHERE " + column + " = :k")
                    .bind("k", key)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  void setPasswordHash(String accountId, String hash) {
    update("password_hash = :v", accountId, hash);
  }

  public void setDisplayName(String accountId, String displayName) {
    update(
        "display_name = :v",
        accountId,
        displayName == null || displayName.isBlank() ? null : displayName.strip());
  }

  public void setNotifyReplies(String accountId, boolean notify) {
    update("notify_replies = :v", accountId, notify ? 1 : 0);
  }

  public void setRole(String accountId, Role role) {
    update("role = :v", accountId, role.name().toLowerCase(java.util.Locale.ROOT));
  }

  public void suspend(String accountId, Instant until, String reason) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE accounts SET suspended_until = :until, suspended_reason = :reason WHERE id = :id")
                .bind("until", until == null ? null : until.toEpochMilli())
                .bind("reason", reason)
                .bind("id", accountId)
                .execute());
    changed.accept(accountId);
  }

  /** Removes personal data; the row stays (as "deleted") so what the reader wrote can say so. */
  void anonymise(String accountId, Instant now) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  UPDATE accounts SET user_id = 'deleted', user_id_key = :key, email = '',
                    email_key = :key, display_name = NULL, password_hash = '', email_verified_at = NULL,
                    notify_replies = 0, deleted_at = :now WHERE id = :id
                  """)
              .bind("key", "deleted:" + accountId)
              .bind("now", now.toEpochMilli())
              .bind("id", accountId)
              .execute();
          h.createUpdate("DELETE FROM sessions WHERE account_id = :id")
              .bind("id", accountId)
              .execute();
          h.createUpdate("DELETE FROM account_tokens WHERE account_id = :id")
              .bind("id", accountId)
              .execute();
        });
    changed.accept(accountId);
  }

  /** Accounts matching a search on user ID, e-mail or name, newest first. */
  public List<Account> search(String query, int limit) {
    String q = "%" + query.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%";
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM accounts WHERE deleted_at IS NULL AND (user_id_key LIKE :q"
                        + " OR email_key LIKE :q OR lower(coalesce(display_name, '')) LIKE :q)"
                        + " ORDER BY created_at DESC LIMIT :limit")
                .bind("q", q)
                .bind("limit", limit)
                .map((rs, ctx) -> account(rs))
                .list());
  }

  // ---- one-time tokens (stored as SHA-256 only)

  void createToken(String hash, String accountId, String purpose, String email, Instant expires) {
    createToken(hash, accountId, purpose, email, null, expires);
  }

  /**
   * A token; {@code browserHash} (may be null) names the browser a verify token may sign in (see
   * {@link #confirmEmail}).
   */
  void createToken(
      String hash,
      String accountId,
      String purpose,
      String email,
      String browserHash,
      Instant expires) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO account_tokens (hash, account_id, purpose, email, browser_hash, expires_at)"
                        + " VALUES (:hash, :account, :purpose, :email, :browser, :expires)")
                .bind("hash", hash)
                .bind("account", accountId)
                .bind("purpose", purpose)
                .bind("email", email)
                .bind("browser", browserHash)
                .bind("expires", expires.toEpochMilli())
                .execute());
  }

  /**
   * What a usable verify token would do, without using it: its account, whether it confirms that
   * account's first address (a registration, not a change), and the browser it may sign in.
   */
  record PendingVerify(String accountId, boolean firstAddress, String browserHash) {}

  Optional<PendingVerify> pendingVerify(String hash, Instant now) {
    return jdbi.withHandle(h -> pendingVerify(h, hash, now).map(TokenRow::pending));
  }

  /** A usable verify token with the address it confirms. */
  private record TokenRow(PendingVerify pending, String email) {}

  private static Optional<TokenRow> pendingVerify(
      org.jdbi.v3.core.Handle h, String hash, Instant now) {
    return h.createQuery(
            """
            SELECT t.account_id, t.email, t.browser_hash, a.email_key, a.email_verified_at
            FROM account_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.hash = :hash AND t.purpose = 'verify' AND t.used_at IS NULL
              AND t.expires_at > :now AND a.deleted_at IS NULL
            """)
        .bind("hash", hash)
        .bind("now", now.toEpochMilli())
        .map(
            (rs, ctx) -> {
              String email = rs.getString("email");
              rs.getLong("email_verified_at");
              boolean unverified = rs.wasNull();
              boolean first =
                  unverified && EmailAddresses.key(email).equals(rs.getString("email_key"));
              return new TokenRow(
                  new PendingVerify(
                      rs.getString("account_id"), first, rs.getString("browser_hash")),
                  email);
            })
        .findOne();
  }

  /** How a verify token's use ended. */
  sealed interface EmailConfirmation {
    /** The address is the account's, confirmed; every other verify link of the account is spent. */
    record Confirmed(PendingVerify link) implements EmailConfirmation {}

    /** Another account has the address now; nothing changed and the link still stands. */
    record AddressTaken() implements EmailConfirmation {}

    record Unusable() implements EmailConfirmation {}
  }

  /**
   * Uses a verify token: in one transaction, sets the account's address from it, confirmed, and
   * spends every verify token of the account (an older link, say to a mistyped address, must not
   * set it back). An address another account took meanwhile changes nothing.
   */
  EmailConfirmation confirmEmail(String hash, Instant now) {
    try {
      return jdbi.inTransaction(h -> confirmEmail(h, hash, now));
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      // Taken between the check and the update (the UNIQUE email_key): rolled back, as above.
      boolean takenMeanwhile =
          jdbi.withHandle(h -> pendingVerify(h, hash, now))
              .filter(
                  row ->
                      accounts(EmailAddresses.key(row.email())).stream()
                          .anyMatch(id -> !id.equals(row.pending().accountId())))
              .isPresent();
      if (takenMeanwhile) {
        return new EmailConfirmation.AddressTaken();
      }
      throw e;
    }
  }

  /** The ids of accounts whose address has {@code emailKey}. */
  private List<String> accounts(String emailKey) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM accounts WHERE email_key = :key")
                .bind("key", emailKey)
                .mapTo(String.class)
                .list());
  }

  private EmailConfirmation confirmEmail(org.jdbi.v3.core.Handle h, String hash, Instant now) {
    Optional<TokenRow> row = pendingVerify(h, hash, now);
    if (row.isEmpty()) {
      return new EmailConfirmation.Unusable();
    }
    String accountId = row.get().pending().accountId();
    String email = row.get().email();
    boolean taken =
        h.createQuery("SELECT count(*) FROM accounts WHERE email_key = :key AND id <> :id")
                .bind("key", EmailAddresses.key(email))
                .bind("id", accountId)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (taken) {
      return new EmailConfirmation.AddressTaken();
    }
    int used =
        h.createUpdate(
                "UPDATE account_tokens SET used_at = :now WHERE hash = :hash AND purpose = 'verify'"
                    + " AND used_at IS NULL AND expires_at > :now")
            .bind("now", now.toEpochMilli())
            .bind("hash", hash)
            .execute();
    if (used != 1) { // another request used it first
      return new EmailConfirmation.Unusable();
    }
    h.createUpdate(
            "UPDATE accounts SET email = :email, email_key = :key, email_verified_at = :at WHERE id = :id")
        .bind("email", email)
        .bind("key", EmailAddresses.key(email))
        .bind("at", now.toEpochMilli())
        .bind("id", accountId)
        .execute();
    h.afterCommit(() -> changed.accept(accountId));
    h.createUpdate(
            "UPDATE account_tokens SET used_at = :now WHERE account_id = :id AND purpose = 'verify'"
                + " AND used_at IS NULL")
        .bind("now", now.toEpochMilli())
        .bind("id", accountId)
        .execute();
    return new EmailConfirmation.Confirmed(row.get().pending());
  }

  /** A token's account and e-mail. */
  record TokenUse(String accountId, String email) {}

  /**
   * Uses a token once: marks it used if it exists, is of {@code purpose}, unused and unexpired. The
   * conditional UPDATE makes a race between two uses let only one through.
   */
  Optional<TokenUse> useToken(String hash, String purpose, Instant now) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE account_tokens SET used_at = :now WHERE hash = :hash AND purpose = :purpose"
                          + " AND used_at IS NULL AND expires_at > :now")
                  .bind("now", now.toEpochMilli())
                  .bind("hash", hash)
                  .bind("purpose", purpose)
                  .execute();
          if (n != 1) {
            return Optional.<TokenUse>empty();
          }
          return h.createQuery("SELECT account_id, email FROM account_tokens WHERE hash = :hash")
              .bind("hash", hash)
              .map((rs, ctx) -> new TokenUse(rs.getString("account_id"), rs.getString("email")))
              .findOne();
        });
  }

  /** The account a usable token belongs to, without using it. */
  Optional<String> tokenAccount(String hash, String purpose, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT account_id FROM account_tokens WHERE hash = :hash AND purpose = :purpose"
                        + " AND used_at IS NULL AND expires_at > :now")
                .bind("hash", hash)
                .bind("purpose", purpose)
                .bind("now", now.toEpochMilli())
                .mapTo(String.class)
                .findOne());
  }

  /**
   * Spends every outstanding token of {@code purpose} of an account: none of them works any more.
   */
  void spendTokens(String accountId, String purpose, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE account_tokens SET used_at = :now WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL")
                .bind("now", now.toEpochMilli())
                .bind("account", accountId)
                .bind("purpose", purpose)
                .execute());
  }

  /** True if the token could still be used (to show the reset form, or say it expired). */
  boolean tokenUsable(String hash, String purpose, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT count(*) FROM account_tokens WHERE hash = :hash AND purpose = :purpose"
                            + " AND used_at IS NULL AND expires_at > :now")
                    .bind("hash", hash)
                    .bind("purpose", purpose)
                    .bind("now", now.toEpochMilli())
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  private void update(String set, String accountId, Object value) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE accounts SET " + set + " WHERE id = :id")
                .bind("v", value)
                .bind("id", accountId)
                .execute());
    changed.accept(accountId);
  }

  private Optional<Account> one(String where, String value) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM accounts " + where)
                .bind("v", value)
                .map((rs, ctx) -> account(rs))
                .findOne());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getString("id"),
        rs.getString("user_id"),
        rs.getString("email"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)),
        instant(rs, "email_verified_at"),
        rs.getInt("notify_replies") == 1,
        instant(rs, "suspended_until"),
        rs.getString("suspended_reason"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
