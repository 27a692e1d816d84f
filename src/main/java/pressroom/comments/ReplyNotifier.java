package pressroom.comments;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.mail.Mail;
import pressroom.mail.Mailer;
import pressroom.web.Csrf;

/**
 * Mails the author of a comment when someone replies to it, if they asked for that, with a link
 * that stops these mails in one click. Sends after the reply is stored, off the request.
 */
public final class ReplyNotifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyNotifier.class);

  private final Jdbi jdbi;
  private final Mailer mailer;
  private final String baseUrl;
  private final String siteName;
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  public ReplyNotifier(Jdbi jdbi, Mailer mailer, String baseUrl, String siteName) {
    this.jdbi = jdbi;
    this.mailer = mailer;
    this.baseUrl = baseUrl;
    this.siteName = siteName;
  }

  /** Who to tell about a published reply, if anyone. */
  record Recipient(
      String accountId, String email, String key, String replier, String slug, String headline) {}

  public void published(String commentId) {
    background.submit(
        () -> {
          try {
            recipient(commentId).ifPresent(this::send);
          } catch (RuntimeException e) {
            log.warn("Could not send a reply notification: {}", e.toString());
          }
        });
  }

  private Optional<Recipient> recipient(String commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT pa.id AS account_id, pa.email, pa.unsubscribe_key,
                           coalesce(ra.display_name, ra.user_id) AS replier, art.slug, art.headline
                    FROM comments c
                    JOIN comments p ON p.id = c.parent_id
                    JOIN accounts pa ON pa.id = p.account_id
                    JOIN accounts ra ON ra.id = c.account_id
                    JOIN articles art ON art.id = c.article_id
                    WHERE c.id = :id AND c.status = 'published' AND pa.id <> ra.id
                      AND pa.notify_replies = 1 AND pa.email_verified_at IS NOT NULL AND pa.deleted_at IS NULL
                    """)
                .bind("id", commentId)
                .map(
                    (rs, ctx) ->
                        new Recipient(
                            rs.getString("account_id"),
                            rs.getString("email"),
                            rs.getString("unsubscribe_key"),
                            rs.getString("replier"),
                            rs.getString("slug") + "#c-" + commentId,
                            rs.getString("headline")))
                .findOne());
  }

  private void send(Recipient r) {
    String key = r.key();
    if (key == null) {
      String fresh = Csrf.newToken();
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "UPDATE accounts SET unsubscribe_key = coalesce(unsubscribe_key, :k) WHERE id = :id")
                  .bind("k", fresh)
                  .bind("id", r.accountId())
                  .execute());
      key =
          jdbi.withHandle(
              h ->
                  h.createQuery("SELECT unsubscribe_key FROM accounts WHERE id = :id")
                      .bind("id", r.accountId())
                      .mapTo(String.class)
                      .one());
    }
    String link = baseUrl + "/articles/" + r.slug();
    String stop = baseUrl + "/unsubscribe?key=" + key;
    mailer.send(
        new Mail(
            r.email(),
            r.replier() + " replied to your comment",
            r.replier()
                + " replied to your comment on “"
                + r.headline()
                + "”:\n\n"
                + link
                + "\n\nTo stop these e-mails, open: "
                + stop
                + "\n",
            "<p>"
                + Entities.escape(r.replier())
                + " replied to your comment on “"
                + Entities.escape(r.headline())
                + "”.</p>"
                + "<p><a href=\""
                + Entities.escape(link)
                + "\">Read the reply</a></p>"
                + "<p><small><a href=\""
                + Entities.escape(stop)
                + "\">Stop e-mails about replies</a></small></p>"));
  }

  /** Turns reply mails off for the account with this key; false for an unknown key. */
  public boolean unsubscribe(String key) {
    if (key == null || key.length() != 43) {
      return false;
    }
    return jdbi.withHandle(
            h ->
                h.createUpdate("UPDATE accounts SET notify_replies = 0 WHERE unsubscribe_key = :k")
                    .bind("k", key)
                    .execute())
        == 1;
  }

  @Override
  public void close() {
    background.shutdown();
  }
}
