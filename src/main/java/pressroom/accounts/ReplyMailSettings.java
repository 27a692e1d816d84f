package pressroom.accounts;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import pressroom.web.Csrf;

/** Who wants an e-mail when someone replies to them, and the key of the one-click "stop" link. */
public final class ReplyMailSettings {
  private final Jdbi jdbi;
  private final Runnable accountsChanged;

  public ReplyMailSettings(Jdbi jdbi, Runnable accountsChanged) {
    this.jdbi = jdbi;
    this.accountsChanged = accountsChanged;
  }

  /**
   * Where to mail an account about a reply.
   *
   * @param unsubscribeKey goes in the mail's "stop" link; see {@link #unsubscribe}
   */
  public record Address(String email, String unsubscribeKey) {}

  /**
   * The address of an account that wants reply e-mails (asked for them, confirmed its e-mail, not
   * deleted); its unsubscribe key is made on first use.
   */
  public Optional<Address> replyMailTo(String accountId) {
    Optional<String[]> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT email, unsubscribe_key FROM accounts
                        WHERE id = :id AND notify_replies = 1 AND email_verified_at IS NOT NULL
                          AND deleted_at IS NULL
                        """)
                    .bind("id", accountId)
                    .map(
                        (rs, ctx) ->
                            new String[] {rs.getString("email"), rs.getString("unsubscribe_key")})
                    .findOne());
    return row.map(r -> new Address(r[0], r[1] != null ? r[1] : newKey(accountId)));
  }

  /** Sets a key unless another sender did first; either way returns the stored one. */
  private String newKey(String accountId) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate(
                  "UPDATE accounts SET unsubscribe_key = coalesce(unsubscribe_key, :k) WHERE id = :id")
              .bind("k", Csrf.newToken())
              .bind("id", accountId)
              .execute();
          return h.createQuery("SELECT unsubscribe_key FROM accounts WHERE id = :id")
              .bind("id", accountId)
              .mapTo(String.class)
              .one();
        });
  }

  /** Turns reply mails off for the account with this key; false for an unknown key. */
  public boolean unsubscribe(String key) {
    if (key == null || key.length() != 43) {
      return false;
    }
    boolean done =
        jdbi.withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE accounts SET notify_replies = 0 WHERE unsubscribe_key = :k")
                        .bind("k", key)
                        .execute())
            == 1;
    if (done) {
      accountsChanged.run(); // the profile of a session kept by this node shows the setting
    }
    return done;
  }
}
