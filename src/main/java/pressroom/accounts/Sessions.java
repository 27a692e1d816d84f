package pressroom.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import pressroom.web.Csrf;

/**
 * Server-side sessions in the database, so any node can serve any request. The cookie holds a
 * random 256-bit value; only its SHA-256 is stored. Idle and absolute time-outs apply.
 */
public final class Sessions {
  static final Duration IDLE = Duration.ofHours(2);
  static final Duration ABSOLUTE = Duration.ofHours(12);
  static final Duration REMEMBER_IDLE = Duration.ofDays(30);
  static final Duration REMEMBER_ABSOLUTE = Duration.ofDays(60);

  /** last_seen is written at most this often, so reading pages does not write on every request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final String SESSION_AND_ACCOUNT =
      "SELECT s.last_seen_at, s.expires_at, s.remember, "
          + AccountDao.columns("a")
          + " FROM sessions s LEFT JOIN accounts a ON a.id = s.account_id AND a.deleted_at IS NULL WHERE s.id_hash = :h";

  /**
   * How long a session read from the database answers this node's requests without asking again.
   * This node's own sign-outs and account changes drop it at once; another node's (a sign-out, a
   * suspension, a new role) reach this one within this time.
   */
  static final Duration KEPT = Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final String cookieName;

  /** Sessions read in the last {@link #KEPT}, by cookie hash: a reader's page views ask once. */
  private final com.github.benmanes.caffeine.cache.Cache<String, SessionRow> recent =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
          .expireAfterWrite(KEPT)
          .maximumSize(100_000)
          .build();

  public Sessions(Jdbi jdbi, boolean secure) {
    this.jdbi = jdbi;
    this.cookieName = secure ? "__Host-pressroom-session" : "pressroom-session";
  }

  /**
   * Counts drops; raised before each, so a row read before a drop is not kept after it (see {@link
   * #account}).
   */
  private final java.util.concurrent.atomic.AtomicLong drops =
      new java.util.concurrent.atomic.AtomicLong();

  /** Drops every session this node keeps, after a change to accounts it cannot name. */
  void forgetAll() {
    drops.incrementAndGet();
    recent.invalidateAll();
  }

  /** Drops what this node keeps of an account's sessions, after the account changed. */
  void forget(String accountId) {
    drops.incrementAndGet();
    recent.asMap().values().removeIf(r -> accountId.equals(r.accountId()));
  }

  public String cookieName() {
    return cookieName;
  }

  /** A new session for {@code accountId}; returns the cookie value (shown once, never stored). */
  public String create(String accountId, boolean remember, String userAgent, Instant now) {
    String value = Csrf.newToken();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at, expires_at, remember, user_agent)"
                        + " VALUES (:hash, :account, :now, :now, :expires, :remember, :ua)")
                .bind("hash", hash(value))
                .bind("account", accountId)
                .bind("now", now.toEpochMilli())
                .bind("expires", now.plus(remember ? REMEMBER_ABSOLUTE : ABSOLUTE).toEpochMilli())
                .bind("remember", remember ? 1 : 0)
                .bind(
                    "ua",
                    userAgent == null
                        ? null
                        : userAgent.substring(0, Math.min(200, userAgent.length())))
                .execute());
    return value;
  }

  /** The signed-in account for a cookie value, if the session is alive. */
  public Optional<Account> account(String cookieValue, Instant now) {
    if (cookieValue == null || cookieValue.length() != 43) {
      return Optional.empty();
    }
    String hash = hash(cookieValue);
    SessionRow row = recent.getIfPresent(hash);
    if (row == null) {
      long before = drops.get();
      // The session and its account in one query.
      row =
          jdbi.withHandle(
                  h ->
                      h.createQuery(SESSION_AND_ACCOUNT)
                          .bind("h", hash)
                          .map(
                              (rs, ctx) ->
                                  new SessionRow(
                                      rs.getLong("last_seen_at"),
                                      rs.getLong("expires_at"),
                                      rs.getInt("remember") == 1,
                                      rs.getString("id") == null ? null : AccountDao.account(rs)))
                          .findOne())
              .orElse(null);
      if (row == null) {
        return Optional.empty();
      }
      recent.put(hash, row);
      if (drops.get() != before) {
        // Signed out, or the account changed, while it was read: not kept, maybe out of date.
        recent.asMap().remove(hash, row);
      }
    }
    long lastSeen = row.lastSeen();
    Duration idle = row.remember() ? REMEMBER_IDLE : IDLE;
    if (now.toEpochMilli() >= row.expires() || now.toEpochMilli() - lastSeen >= idle.toMillis()) {
      end(cookieValue);
      return Optional.empty();
    }
    if (now.toEpochMilli() - lastSeen >= TOUCH_EVERY.toMillis()) {
      int touched =
          jdbi.withHandle(
              h ->
                  h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id_hash = :h")
                      .bind("now", now.toEpochMilli())
                      .bind("h", hash)
                      .execute());
      if (touched == 0) { // ended meanwhile, here or on another node
        recent.invalidate(hash);
        return Optional.empty();
      }
      recent
          .asMap()
          .replace(
              hash,
              row,
              new SessionRow(now.toEpochMilli(), row.expires(), row.remember(), row.account()));
    }
    return Optional.ofNullable(row.account());
  }

  /**
   * @param account null when the account was deleted
   */
  private record SessionRow(long lastSeen, long expires, boolean remember, Account account) {
    String accountId() {
      return account == null ? null : account.id();
    }
  }

  /**
   * True when the session was created with "keep me signed in" (its cookie outlives the browser).
   */
  public boolean remembered(String cookieValue) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT remember FROM sessions WHERE id_hash = :h")
                    .bind("h", hash(cookieValue))
                    .mapTo(Integer.class)
                    .findOne()
                    .orElse(0)
                == 1);
  }

  public void end(String cookieValue) {
    String hash = hash(cookieValue);
    jdbi.useHandle(
        h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :h").bind("h", hash).execute());
    drops.incrementAndGet();
    recent.invalidate(hash);
  }

  /**
   * Signs out every session of an account, except the one whose cookie is {@code keep} (may be
   * null), and drops its sign-ins still waiting for a code (their password may be the old one).
   */
  public int endAll(String accountId, String keep) {
    return jdbi.withHandle(
        h -> {
          h.createUpdate("DELETE FROM pending_signins WHERE account_id = :a")
              .bind("a", accountId)
              .execute();
          int ended =
              h.createUpdate("DELETE FROM sessions WHERE account_id = :a AND id_hash <> :keep")
                  .bind("a", accountId)
                  .bind("keep", keep == null ? "" : hash(keep))
                  .execute();
          forget(accountId);
          return ended;
        });
  }

  static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
