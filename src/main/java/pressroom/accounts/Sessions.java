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

  private final Jdbi jdbi;
  private final String cookieName;

  public Sessions(Jdbi jdbi, boolean secure) {
    this.jdbi = jdbi;
    this.cookieName = secure ? "__Host-pressroom-session" : "pressroom-session";
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
    // The session and its account in one query: every signed-in request asks this.
    var row =
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
                    .findOne());
    if (row.isEmpty()) {
      return Optional.empty();
    }
    long lastSeen = row.get().lastSeen();
    Duration idle = row.get().remember() ? REMEMBER_IDLE : IDLE;
    if (now.toEpochMilli() >= row.get().expires()
        || now.toEpochMilli() - lastSeen >= idle.toMillis()) {
      end(cookieValue);
      return Optional.empty();
    }
    if (now.toEpochMilli() - lastSeen >= TOUCH_EVERY.toMillis()) {
      jdbi.useHandle(
          h ->
              h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id_hash = :h")
                  .bind("now", now.toEpochMilli())
                  .bind("h", hash)
                  .execute());
    }
    return Optional.ofNullable(row.get().account());
  }

  private record SessionRow(long lastSeen, long expires, boolean remember, Account account) {}

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
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM sessions WHERE id_hash = :h")
                .bind("h", hash(cookieValue))
                .execute());
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
          return h.createUpdate("DELETE FROM sessions WHERE account_id = :a AND id_hash <> :keep")
              .bind("a", accountId)
              .bind("keep", keep == null ? "" : hash(keep))
              .execute();
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
