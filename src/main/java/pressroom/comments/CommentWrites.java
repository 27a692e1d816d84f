package pressroom.comments;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.accounts.AccountLookups;
import pressroom.changes.ContentChanges;
import pressroom.db.GroupCommit;
import pressroom.db.Ids;

/**
 * The SQL that changes comments: posting, editing, likes, reports, moderators' decisions, mutes;
 * each change with its moderation log entry and the content change that drops cached pages.
 */
public final class CommentWrites {
  private final Jdbi jdbi;
  private final GroupCommit writer;
  private final AccountLookups accounts;
  private final InstantSource clock;

  /**
   * @param writer new comments are committed through it, many per disk flush
   */
  public CommentWrites(
      Jdbi jdbi, GroupCommit writer, AccountLookups accounts, InstantSource clock) {
    this.clock = clock;
    this.jdbi = jdbi;
    this.writer = writer;
    this.accounts = accounts;
  }

  /** A reader likes a comment, once; returns the number of likes. */
  int like(String commentId, String accountId) {
    return jdbi.inTransaction(
        h -> {
          int added =
              h.createUpdate(
                      "INSERT INTO comment_likes (comment_id, account_id, created_at) SELECT :c, :a, :now"
                          + " WHERE NOT EXISTS (SELECT 1 FROM comment_likes WHERE comment_id = :c AND account_id = :a)")
                  .bind("c", commentId)
                  .bind("a", accountId)
                  .bind("now", clock.millis())
                  .execute();
          if (added == 1) {
            h.createUpdate("UPDATE comments SET likes = likes + 1 WHERE id = :c")
                .bind("c", commentId)
                .execute();
            h.createQuery("SELECT article_id FROM comments WHERE id = :c")
                .bind("c", commentId)
                .mapTo(String.class)
                .findOne()
                .ifPresent(article -> ContentChanges.recordComments(h, article));
          }
          return h.createQuery("SELECT likes FROM comments WHERE id = :c")
              .bind("c", commentId)
              .mapTo(Integer.class)
              .one();
        });
  }

  /** Replaces the text (the author's edit), keeping the old text in the log. */
  void edit(String commentId, String body, String html, CommentStatus status, String holdReasons) {
    jdbi.useTransaction(
        h -> {
          String[] old =
              h.createQuery("SELECT article_id, body FROM comments WHERE id = :id")
                  .bind("id", commentId)
                  .map((rs, ctx) -> new String[] {rs.getString("article_id"), rs.getString("body")})
                  .one();
          h.createUpdate(
                  "UPDATE comments SET body = :body, body_key = :key, body_html = :html, status = :status,"
                      + " hold_reasons = :reasons, edited_at = :now WHERE id = :id")
              .bind("body", body)
              .bind("key", CommentText.key(body))
              .bind("html", html)
              .bind("status", status.stored())
              .bind("reasons", holdReasons)
              .bind("now", clock.millis())
              .bind("id", commentId)
              .execute();
          log(h, commentId, null, "edited", holdReasons, old[1]);
          ContentChanges.recordComments(h, old[0]);
        });
  }

  /** Marks a comment as an editors' pick (or not). */
  boolean feature(String commentId, boolean on, String moderatorId) {
    return jdbi.inTransaction(
        h -> {
          var article =
              h.createQuery("SELECT article_id FROM comments WHERE id = :c")
                  .bind("c", commentId)
                  .mapTo(String.class)
                  .findOne();
          if (article.isEmpty()) {
            return false;
          }
          h.createUpdate("UPDATE comments SET featured = :f WHERE id = :c")
              .bind("f", on ? 1 : 0)
              .bind("c", commentId)
              .execute();
          log(h, commentId, moderatorId, on ? "featured" : "unfeatured", null, null);
          ContentChanges.recordComments(h, article.get());
          return true;
        });
  }

  /** Stores a comment; a published one drops the cached article page on every node. */
  String insert(
      String articleId,
      String accountId,
      String parentId,
      String rootId,
      int depth,
      String replyToName,
      String body,
      String bodyHtml,
      CommentStatus status,
      String holdReasons,
      Double spamScore) {
    String id = Ids.newId();
    String key = CommentText.key(body);
    writer.write(
        (h, batch) -> {
          h.createUpdate(
                  """
                  INSERT INTO comments (id, article_id, account_id, parent_id, root_id, depth, reply_to_name,
                    body, body_key, body_html, status, hold_reasons, spam_score, created_at)
                  VALUES (:id, :article, :account, :parent, :root, :depth, :replyTo, :body, :key, :html, :status,
                    :reasons, :score, :now)
                  """)
              .bind("key", key)
              .bind("id", id)
              .bind("article", articleId)
              .bind("account", accountId)
              .bind("parent", parentId)
              .bind("root", rootId)
              .bind("score", spamScore)
              .bind("depth", depth)
              .bind("replyTo", replyToName)
              .bind("body", body)
              .bind("html", bodyHtml)
              .bind("status", status.stored())
              .bind("reasons", holdReasons)
              .bind("now", clock.millis())
              .execute();
          if (holdReasons != null) {
            log(h, id, null, "held", holdReasons, body);
          }
          if (status == CommentStatus.PUBLISHED) {
            // A busy thread gets one change per transaction, not one per comment.
            batch.once("changes:" + articleId, x -> ContentChanges.recordComments(x, articleId));
          }
          return id;
        });
    return id;
  }

  /** Sets a comment's status as a moderator decided, with the audit log entry. */
  boolean moderate(
      String commentId, CommentStatus status, String moderatorId, String action, String reason) {
    return jdbi.inTransaction(
        h -> {
          Optional<String[]> row =
              h.createQuery("SELECT article_id, body FROM comments WHERE id = :id")
                  .bind("id", commentId)
                  .map((rs, ctx) -> new String[] {rs.getString("article_id"), rs.getString("body")})
                  .findOne();
          if (row.isEmpty()) {
            return false;
          }
          // What its author deleted stays deleted: a moderator's approval must not bring it back.
          int changed =
              h.createUpdate(
                      "UPDATE comments SET status = :s, moderated_at = :now"
                          + " WHERE id = :id AND status <> 'deleted'")
                  .bind("s", status.stored())
                  .bind("now", clock.millis())
                  .bind("id", commentId)
                  .execute();
          if (changed == 0) {
            return false;
          }
          log(h, commentId, moderatorId, action, reason, row.get()[1]);
          ContentChanges.recordComments(h, row.get()[0]);
          return true;
        });
  }

  /**
   * The author deletes their comment: its text goes from the comment and from the moderation log,
   * and a tombstone stays (status, place in the thread, time) so replies keep their place.
   */
  boolean deleteByAuthor(String commentId, String authorId) {
    return jdbi.inTransaction(
        h -> {
          Optional<String> article =
              h.createQuery("SELECT article_id FROM comments WHERE id = :id AND account_id = :u")
                  .bind("id", commentId)
                  .bind("u", authorId)
                  .mapTo(String.class)
                  .findOne();
          if (article.isEmpty()) {
            return false;
          }
          h.createUpdate(
                  "UPDATE comments SET status = 'deleted', body = '', body_html = '', body_key = NULL, moderated_at = :now"
                      + " WHERE id = :id")
              .bind("now", clock.millis())
              .bind("id", commentId)
              .execute();
          h.createUpdate("UPDATE moderation_log SET body = NULL WHERE comment_id = :id")
              .bind("id", commentId)
              .execute();
          log(h, commentId, authorId, "deleted by its author", null, null);
          ContentChanges.recordComments(h, article.get());
          return true;
        });
  }

  /**
   * Records a reader's report; returns how many readers in good standing (e-mail confirmed, not
   * suspended now) reported the comment, each once. Everyone's report reaches the moderators; only
   * those count towards hiding a comment, so throwaway accounts cannot silence one.
   */
  int report(String commentId, String accountId, String reason) {
    List<String> reporters =
        jdbi.inTransaction(
            h -> {
              int added =
                  h.createUpdate(
                          "INSERT INTO comment_reports (comment_id, account_id, reason, created_at)"
                              + " SELECT :c, :a, :r, :now WHERE NOT EXISTS"
                              + " (SELECT 1 FROM comment_reports WHERE comment_id = :c AND account_id = :a)")
                      .bind("c", commentId)
                      .bind("a", accountId)
                      .bind("r", reason)
                      .bind("now", clock.millis())
                      .execute();
              if (added == 1) {
                h.createUpdate("UPDATE comments SET reports = reports + 1 WHERE id = :c")
                    .bind("c", commentId)
                    .execute();
                log(h, commentId, accountId, "reported", reason, null);
              }
              return h.createQuery("SELECT account_id FROM comment_reports WHERE comment_id = :c")
                  .bind("c", commentId)
                  .mapTo(String.class)
                  .list();
            });
    return accounts.inGoodStanding(reporters, clock.instant());
  }

  private void log(
      Handle h, String commentId, String moderatorId, String action, String reason, String body) {
    h.createUpdate(
            "INSERT INTO moderation_log (id, comment_id, moderator_id, action, reason, body, created_at)"
                + " VALUES (:id, :c, :m, :action, :reason, :body, :now)")
        .bind("id", Ids.newId())
        .bind("c", commentId)
        .bind("m", moderatorId)
        .bind("action", action)
        .bind("reason", reason)
        .bind("body", body)
        .bind("now", clock.millis())
        .execute();
  }

  /** Logs what a moderator did to a comment's author (a suspension, a ban, a reinstatement). */
  void logAuthorAction(String commentId, String moderatorId, String action, String reason) {
    jdbi.useHandle(h -> log(h, commentId, moderatorId, action, reason, null));
  }

  /** Hides {@code mutedId}'s comments from {@code accountId} (once; repeating changes nothing). */
  void mute(String accountId, String mutedId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO account_mutes (account_id, muted_id, created_at) SELECT :a, :m, :now"
                        + " WHERE NOT EXISTS (SELECT 1 FROM account_mutes WHERE account_id = :a AND muted_id = :m)")
                .bind("a", accountId)
                .bind("m", mutedId)
                .bind("now", clock.millis())
                .execute());
  }

  void unmute(String accountId, String mutedId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM account_mutes WHERE account_id = :a AND muted_id = :m")
                .bind("a", accountId)
                .bind("m", mutedId)
                .execute());
  }
}
