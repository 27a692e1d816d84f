package pressroom.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import pressroom.accounts.AccountLookups;
import pressroom.web.Access;

/** The SQL that reads comments: threads, single comments, the moderation queue and log. */
public final class CommentDao {
  /** Comment rows; the authors' names are looked up afterwards, for a whole page at once. */
  private static final String SELECT = "SELECT c.* FROM comments c";

  private final Jdbi jdbi;
  private final AccountLookups accounts;
  private final InstantSource clock;

  public CommentDao(Jdbi jdbi, AccountLookups accounts, InstantSource clock) {
    this.clock = clock;
    this.accounts = accounts;
    this.jdbi = jdbi;
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
                .bind("now", clock.millis())
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

  /** The article a comment is on, as the moderation queue names it. */
  public record OnArticle(String slug, String headline) {}

  /** The articles these comments are on, by comment id: one query for a page of the queue. */
  public java.util.Map<String, OnArticle> articlesOf(List<String> commentIds) {
    if (commentIds.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, OnArticle> out = new java.util.HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT c.id, a.slug, a.headline FROM comments c"
                        + " JOIN articles a ON a.id = c.article_id WHERE c.id IN (<ids>)")
                .bindList("ids", commentIds)
                .map(
                    (rs, ctx) ->
                        java.util.Map.entry(
                            rs.getString("id"),
                            new OnArticle(rs.getString("slug"), rs.getString("headline"))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
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

  public Optional<Comment> find(String id) {
    return namedOne(
        jdbi.withHandle(
            h ->
                h.createQuery(SELECT + " WHERE c.id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> comment(rs))
                    .findOne()));
  }

  /** These comments by id, with their authors' names: one query for a page of the queue. */
  public java.util.Map<String, Comment> findAll(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    List<Comment> rows =
        named(
            jdbi.withHandle(
                h ->
                    h.createQuery(SELECT + " WHERE c.id IN (<ids>)")
                        .bindList("ids", List.copyOf(ids))
                        .map((rs, ctx) -> comment(rs))
                        .list()));
    return rows.stream().collect(Collectors.toMap(Comment::id, c -> c));
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
    return rows.stream()
        .map(
            c -> {
              var a = authors.get(c.accountId());
              return c.withAuthor(a.name(), a.role().compareTo(Access.Role.MODERATOR) >= 0);
            })
        .toList();
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
        CommentStatus.of(rs.getString("status")),
        rs.getString("hold_reasons"),
        rs.getInt("reports"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getObject("edited_at") != null,
        rs.getInt("featured") == 1,
        rs.getInt("likes"),
        rs.getObject("spam_score") == null ? null : rs.getDouble("spam_score"),
        rs.getString("root_id"),
        false);
  }
}
