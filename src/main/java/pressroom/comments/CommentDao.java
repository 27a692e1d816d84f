package pressroom.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.accounts.AccountLookups;
import pressroom.changes.ContentChanges;
import pressroom.db.Ids;

/** The SQL for comments, reports and the moderation log. */
public final class CommentDao {
  /** Comment rows; the authors' names are looked up afterwards, for a whole page at once. */
  private static final String SELECT = "SELECT c.* FROM comments c";

  private final Jdbi jdbi;
  private final pressroom.db.GroupCommit writer;
  private final AccountLookups accounts;

  /**
   * @param writer new comments are committed through it, many per disk flush
   */
  /**
   * Every comment an account wrote, oldest first, for "Download my data": the text as written (a
   * deleted comment's text is already gone), where it was and what became of it.
   */
  public List<Map<String, Object>> writtenBy(String accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                SELECT c.id, c.parent_id, c.body, c.status, c.created_at, c.edited_at, a.slug, a.headline
                FROM comments c JOIN articles a ON a.id = c.article_id
                WHERE c.account_id = :u ORDER BY c.created_at, c.id
                """)
                .bind("u", accountId)
                .map(
                    (rs, ctx) -> {
                      Map<String, Object> m = new java.util.LinkedHashMap<>();
                      m.put("id", rs.getString("id"));
                      m.put("article", rs.getString("slug"));
                      m.put("articleHeadline", rs.getString("headline"));
                      m.put("inReplyTo", rs.getString("parent_id"));
                      m.put("text", rs.getString("body"));
                      m.put("status", rs.getString("status"));
                      m.put("writtenAt", Instant.ofEpochMilli(rs.getLong("created_at")).toString());
                      long edited = rs.getLong("edited_at");
                      m.put(
                          "editedAt",
                          rs.wasNull() ? null : Instant.ofEpochMilli(edited).toString());
                      return m;
                    })
                .list());
  }

  public CommentDao(Jdbi jdbi, pressroom.db.GroupCommit writer, AccountLookups accounts) {
    this.accounts = accounts;
    this.jdbi = jdbi;
    this.writer = writer;
  }

  /**
   * Whether an article takes comments, and how.
   *
   * @param open the article and its section take comments (age is checked by the caller)
   */
  public record Policy(
      String articleId, String slug, boolean open, boolean preModerated, Instant publishedAt) {}

  public Optional<Policy> policy(String slug) {
    return policyWhere("a.slug = :slug", slug);
  }

  public Optional<Policy> policyById(String articleId) {
    return policyWhere("a.id = :slug", articleId);
  }

  private Optional<Policy> policyWhere(String where, String value) {
    String slug = value;
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.id, a.slug, a.comments_open AS article_open, s.comments_open AS section_open,
                           s.moderation, a.published_at
                    FROM articles a JOIN sections s ON s.id = a.section_id
                    WHERE a.status = 'published' AND a.published_at <= :now AND
                    """
                        + where)
                .bind("slug", slug)
                .bind("now", System.currentTimeMillis())
                .map(
                    (rs, ctx) ->
                        new Policy(
                            rs.getString("id"),
                            rs.getString("slug"),
                            rs.getInt("article_open") == 1 && rs.getInt("section_open") == 1,
                            "pre".equals(rs.getString("moderation")),
                            Instant.ofEpochMilli(rs.getLong("published_at"))))
                .findOne());
  }

  /** The slug of the article a comment belongs to. */
  public Optional<String> articleSlug(String commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT a.slug FROM comments c JOIN articles a ON a.id = c.article_id WHERE c.id = :id")
                .bind("id", commentId)
                .mapTo(String.class)
                .findOne());
  }

  /** The orders a thread can be read in. */
  public enum Sort {
    OLDEST("c.created_at, c.id"),
    NEWEST("c.created_at DESC, c.id DESC"),
    LIKED("c.likes DESC, c.created_at, c.id");

    private final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }

    public static Sort of(String name) {
      if (name == null) {
        return OLDEST;
      }
      return switch (name) {
        case "newest" -> NEWEST;
        case "liked" -> LIKED;
        default -> OLDEST;
      };
    }
  }

  /**
   * One page of an article's threads: {@code limit} top-level comments in the chosen order (and
   * tombstones of deleted ones), each with all its replies, oldest first. Two queries whatever the
   * thread's size.
   */
  public List<Comment> page(String articleId, Sort sort, int limit, int offset) {
    List<Comment> rows =
        jdbi.withHandle(
            h -> {
              List<Comment> roots =
                  h.createQuery(
                          SELECT
                              // Exactly the partial indexes' condition, so the page is read
                              // straight
                              // off them.
                              + " WHERE c.article_id = :a AND c.parent_id IS NULL AND c.status IN ('published', 'deleted')"
                              + " ORDER BY "
                              + sort.orderBy
                              + " LIMIT :limit OFFSET :offset")
                      .bind("a", articleId)
                      .bind("limit", limit)
                      .bind("offset", offset)
                      .map((rs, ctx) -> comment(rs))
                      .list();
              if (roots.isEmpty()) {
                return List.<Comment>of();
              }
              List<Comment> all = new java.util.ArrayList<>(roots);
              all.addAll(
                  h.createQuery(
                          SELECT
                              + " WHERE c.root_id IN (<roots>) AND c.status IN ('published', 'deleted')"
                              + " ORDER BY c.created_at, c.id")
                      .bindList("roots", roots.stream().map(Comment::id).toList())
                      .map((rs, ctx) -> comment(rs))
                      .list());
              return all;
            });
    return named(rows);
  }

  /** How many published comments an article has (kept on the article by triggers: no counting). */
  public int count(String articleId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT comment_count FROM articles WHERE id = :a")
                .bind("a", articleId)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0));
  }

  /** Editors' picks of an article, oldest first. */
  public List<Comment> featured(String articleId) {
    return named(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        SELECT
                            + " WHERE c.article_id = :a AND c.status = 'published' AND c.featured = 1 ORDER BY c.created_at")
                    .bind("a", articleId)
                    .map((rs, ctx) -> comment(rs))
                    .list()));
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
                  .bind("now", System.currentTimeMillis())
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
  void edit(String commentId, String body, String html, String status, String holdReasons) {
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
              .bind("status", status)
              .bind("reasons", holdReasons)
              .bind("now", System.currentTimeMillis())
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

  public Optional<Comment> find(String id) {
    return namedOne(
        jdbi.withHandle(
            h ->
                h.createQuery(SELECT + " WHERE c.id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> comment(rs))
                    .findOne()));
  }

  /** What waits for a moderator: held comments and reported ones, oldest first. */
  public List<Comment> queue(int limit) {
    return named(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        SELECT + " WHERE c.status = 'pending' ORDER BY c.created_at LIMIT :limit")
                    .bind("limit", limit)
                    .map((rs, ctx) -> comment(rs))
                    .list()));
  }

  /**
   * What the rules need to know about an author's record.
   *
   * @param published how many of their comments are published, counted up to 10 only
   * @param duplicate one of their 50 latest comments since the cut-off has the same text (as {@link
   *     CommentText#key})
   */
  record AuthorRecord(int published, boolean duplicate) {}

  /**
   * The author's {@link AuthorRecord} for a new or edited text, in one query; {@code editing} (null
   * for a new comment) is left out, so an edit is not a duplicate of what it replaces.
   */
  AuthorRecord authorRecord(String accountId, Instant since, String body, String editing) {
    String key = CommentText.key(body);
    // One row with the count, then the recent comments whose key matches; keys are compared in the
    // database, and only rows from before keys existed come back whole.
    List<String[]> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT 'count' AS kind, NULL AS body_key, NULL AS body,
                          (SELECT count(*) FROM (SELECT 1 FROM comments WHERE account_id = :a AND status = 'published' LIMIT 10) x) AS n
                        UNION ALL
                        SELECT 'recent', r.body_key, r.body, 0 FROM
                          (SELECT body_key, CASE WHEN body_key IS NULL THEN body END AS body FROM comments
                           WHERE account_id = :a AND created_at > :since AND id <> :editing ORDER BY created_at DESC LIMIT 50) r
                        WHERE r.body_key = :k OR r.body_key IS NULL
                        """)
                    .bind("a", accountId)
                    .bind("since", since.toEpochMilli())
                    .bind("editing", editing == null ? "" : editing)
                    .bind("k", key)
                    .map(
                        (rs, ctx) ->
                            new String[] {
                              rs.getString("kind"),
                              rs.getString("body_key"),
                              rs.getString("body"),
                              rs.getString("n")
                            })
                    .list());
    int published = 0;
    boolean duplicate = false;
    for (String[] r : rows) {
      if (r[0].equals("count")) {
        published = Integer.parseInt(r[3]);
      } else if (key.equals(r[1] != null ? r[1] : CommentText.key(r[2]))) {
        duplicate = true;
      }
    }
    return new AuthorRecord(published, duplicate);
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
      String status,
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
              .bind("status", status)
              .bind("reasons", holdReasons)
              .bind("now", System.currentTimeMillis())
              .execute();
          if (holdReasons != null) {
            log(h, id, null, "held", holdReasons, body);
          }
          if (status.equals("published")) {
            // A busy thread gets one change per transaction, not one per comment.
            batch.once("changes:" + articleId, x -> ContentChanges.recordComments(x, articleId));
          }
          return id;
        });
    return id;
  }

  /** Sets a comment's status as a moderator decided, with the audit log entry. */
  boolean moderate(
      String commentId, String status, String moderatorId, String action, String reason) {
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
          h.createUpdate("UPDATE comments SET status = :s, moderated_at = :now WHERE id = :id")
              .bind("s", status)
              .bind("now", System.currentTimeMillis())
              .bind("id", commentId)
              .execute();
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
              .bind("now", System.currentTimeMillis())
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
                      .bind("now", System.currentTimeMillis())
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
    return accounts.inGoodStanding(reporters, Instant.now());
  }

  /** The audit log of a comment, oldest first, as "action: reason" lines. */
  public List<String> history(String commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT action, reason FROM moderation_log WHERE comment_id = :c ORDER BY created_at, id")
                .bind("c", commentId)
                .map(
                    (rs, ctx) ->
                        rs.getString("action")
                            + (rs.getString("reason") == null ? "" : ": " + rs.getString("reason")))
                .list());
  }

  private static void log(
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
        .bind("now", System.currentTimeMillis())
        .execute();
  }

  /**
   * Comments of an article that became visible in [from, to): posted, or approved later. The window
   * overlaps the previous one by a second so a slow commit is not missed; callers skip repeats.
   */
  public List<Comment> publishedSince(String articleId, Instant from, Instant to) {
    return named(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        SELECT
                            + " WHERE c.article_id = :a AND c.status = 'published'"
                            + " AND coalesce(c.moderated_at, c.created_at) >= :from AND coalesce(c.moderated_at, c.created_at) < :to"
                            + " ORDER BY c.created_at")
                    .bind("a", articleId)
                    .bind("from", from.toEpochMilli())
                    .bind("to", to.toEpochMilli())
                    .map((rs, ctx) -> comment(rs))
                    .list()));
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
                .bind("now", System.currentTimeMillis())
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

  /** The accounts a reader muted. */
  public java.util.Set<String> muted(String accountId) {
    return new java.util.HashSet<>(
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT muted_id FROM account_mutes WHERE account_id = :a")
                    .bind("a", accountId)
                    .mapTo(String.class)
                    .list()));
  }

  /** An author's record for moderators, e.g. "12 published, 1 rejected, 2 waiting". */
  public String record(String accountId) {
    return jdbi.withHandle(
        h -> {
          var m = new java.util.TreeMap<String, Integer>();
          h.createQuery(
                  "SELECT status, count(*) AS n FROM comments WHERE account_id = :a GROUP BY status")
              .bind("a", accountId)
              .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
              .forEach(e -> m.put(e.getKey(), e.getValue()));
          return m.getOrDefault("published", 0)
              + " published, "
              + m.getOrDefault("rejected", 0)
              + " rejected, "
              + m.getOrDefault("pending", 0)
              + " waiting";
        });
  }

  /** The top-level comment of a comment's thread. */
  Optional<String> rootOf(String commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT coalesce(root_id, id) FROM comments WHERE id = :c")
                .bind("c", commentId)
                .mapTo(String.class)
                .findOne());
  }

  /** The stored text of a comment (for learning and editing). */
  public Optional<String> body(String commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT body FROM comments WHERE id = :c")
                .bind("c", commentId)
                .mapTo(String.class)
                .findOne());
  }

  /** The comments with their authors' names, asked of accounts once for all of them. */
  private List<Comment> named(List<Comment> rows) {
    var authors =
        accounts.authors(rows.stream().map(Comment::accountId).collect(Collectors.toSet()));
    return rows.stream().map(c -> c.withAuthorName(authors.get(c.accountId()).name())).toList();
  }

  private Optional<Comment> namedOne(Optional<Comment> row) {
    return row.map(c -> named(List.of(c)).get(0));
  }

  /** A comment row; its author's name is filled in by {@link #named}. */
  private static Comment comment(ResultSet rs) throws SQLException {
    return new Comment(
        rs.getString("id"),
        rs.getString("article_id"),
        rs.getString("account_id"),
        null,
        rs.getString("parent_id"),
        rs.getInt("depth"),
        rs.getString("reply_to_name"),
        rs.getString("body_html"),
        rs.getString("status"),
        rs.getString("hold_reasons"),
        rs.getInt("reports"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getObject("edited_at") != null,
        rs.getInt("featured") == 1,
        rs.getInt("likes"),
        rs.getObject("spam_score") == null ? null : rs.getDouble("spam_score"),
        rs.getString("root_id"));
  }
}
