package pressroom.comments;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.accounts.AccountLookups;
import pressroom.accounts.ReplyMailSettings;
import pressroom.mail.Mail;
import pressroom.mail.Mailer;
import pressroom.web.Templates;

/**
 * Mails the author of a comment when someone replies to it, if they asked for that, with a link
 * that stops these mails in one click. Sends after the reply is stored, off the request.
 */
public final class ReplyNotifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyNotifier.class);

  private final Jdbi jdbi;
  private final ReplyMailSettings settings;
  private final AccountLookups accounts;
  private final Mailer mailer;
  private final Templates templates;
  private final String baseUrl;
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
  // Notifications on their way; guarded by itself.
  private final int[] pending = {0};

  public ReplyNotifier(
      Jdbi jdbi,
      ReplyMailSettings settings,
      AccountLookups accounts,
      Mailer mailer,
      Templates templates,
      String baseUrl) {
    this.jdbi = jdbi;
    this.settings = settings;
    this.accounts = accounts;
    this.mailer = mailer;
    this.templates = templates;
    this.baseUrl = baseUrl;
  }

  /** A published reply to somebody else's comment. */
  record Reply(String parentAuthorId, String replierId, String anchor, String headline) {}

  /** The mail about a reply: the HTML part is comments/reply-mail.jte, the text part is here. */
  public record ReplyMail(String replier, String headline, String link, String stop) {
    String subject() {
      return replier + " replied to your comment";
    }

    String text() {
      return replier
          + " replied to your comment on “"
          + headline
          + "”:\n\n"
          + link
          + "\n\nTo stop these e-mails, open: "
          + stop
          + "\n";
    }
  }

  public void published(String commentId) {
    synchronized (pending) {
      pending[0]++;
    }
    background.submit(
        () -> {
          try {
            reply(commentId).ifPresent(this::send);
          } catch (RuntimeException e) {
            log.warn("Could not send a reply notification: {}", e.toString());
          } finally {
            synchronized (pending) {
              pending[0]--;
              pending.notifyAll();
            }
          }
        });
  }

  /**
   * Waits until every notification asked for so far is sent or given up: on shutdown, so a reply
   * already accepted still gets its mail, and for tests that check no mail was sent.
   */
  public void awaitSent(java.time.Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    synchronized (pending) {
      while (pending[0] > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.warn("{} reply notifications still being sent after {}", pending[0], atMost);
          return;
        }
        try {
          java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(pending, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private Optional<Reply> reply(String commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT p.account_id AS parent_author, c.account_id AS replier, art.slug, art.headline
                    FROM comments c
                    JOIN comments p ON p.id = c.parent_id
                    JOIN articles art ON art.id = c.article_id
                    WHERE c.id = :id AND c.status = 'published' AND p.account_id <> c.account_id
                    """)
                .bind("id", commentId)
                .map(
                    (rs, ctx) ->
                        new Reply(
                            rs.getString("parent_author"),
                            rs.getString("replier"),
                            rs.getString("slug") + "#c-" + commentId,
                            rs.getString("headline")))
                .findOne());
  }

  private void send(Reply r) {
    Optional<ReplyMailSettings.Address> to = settings.replyMailTo(r.parentAuthorId());
    if (to.isEmpty()) {
      return;
    }
    ReplyMail mail =
        new ReplyMail(
            accounts.author(r.replierId()).name(),
            r.headline(),
            baseUrl + "/articles/" + r.anchor(),
            baseUrl + "/unsubscribe?key=" + to.get().unsubscribeKey());
    mailer.send(
        new Mail(
            to.get().email(),
            mail.subject(),
            mail.text(),
            templates.render("comments/reply-mail.jte", mail)));
  }

  /** Turns reply mails off for the account with this key; false for an unknown key. */
  public boolean unsubscribe(String key) {
    return settings.unsubscribe(key);
  }

  @Override
  public void close() {
    awaitSent(java.time.Duration.ofSeconds(10));
    background.shutdown();
  }
}
