package pressroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import pressroom.web.Csrf;

/**
 * Sign-ins whose password was right and whose code is still to come, in the database so any node
 * can take the code. The browser holds a random value (only its SHA-256 is stored) that names the
 * waiting sign-in; on its own it signs nobody in, and it lasts five minutes.
 */
public final class PendingSignIns {
  static final Duration LIFETIME = Duration.ofMinutes(5);

  private final Jdbi jdbi;
  private final String cookieName;

  public PendingSignIns(Jdbi jdbi, boolean secure) {
    this.jdbi = jdbi;
    this.cookieName = secure ? "__Host-pressroom-signin-code" : "pressroom-signin-code";
  }

  /** A sign-in waiting for its code: whose, and whether to keep the session. */
  public record Pending(String accountId, boolean remember) {}

  public String cookieName() {
    return cookieName;
  }

  /** Starts one; returns the browser's value (never stored). */
  String create(String accountId, boolean remember, Instant now) {
    String value = Csrf.newToken();
    jdbi.useHandle(
        h -> {
          // Old ones go as new ones come: the table holds only a few minutes of sign-ins.
          h.createUpdate("DELETE FROM pending_signins WHERE expires_at <= :now")
              .bind("now", now.toEpochMilli())
              .execute();
          h.createUpdate(
                  "INSERT INTO pending_signins (id_hash, account_id, remember, expires_at)"
                      + " VALUES (:h, :a, :r, :e)")
              .bind("h", Sessions.hash(value))
              .bind("a", accountId)
              .bind("r", remember ? 1 : 0)
              .bind("e", now.plus(LIFETIME).toEpochMilli())
              .execute();
        });
    return value;
  }

  /** The sign-in a browser's value names, while it lasts. */
  Optional<Pending> find(String value, Instant now) {
    if (value == null || value.length() != 43) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT account_id, remember FROM pending_signins"
                        + " WHERE id_hash = :h AND expires_at > :now")
                .bind("h", Sessions.hash(value))
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Pending(rs.getString(1), rs.getInt(2) == 1))
                .findOne());
  }

  /** Ends one (its code came, or the browser started over); true when it was still there. */
  boolean end(String value) {
    if (value == null) {
      return false;
    }
    return jdbi.withHandle(
            h ->
                h.createUpdate("DELETE FROM pending_signins WHERE id_hash = :h")
                    .bind("h", Sessions.hash(value))
                    .execute())
        > 0;
  }
}
