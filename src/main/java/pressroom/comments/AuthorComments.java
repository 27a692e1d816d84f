package pressroom.comments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What one author wrote: for the posting rules, for moderators, and for "Download my data". */
public final class AuthorComments {
  private final Jdbi jdbi;

  public AuthorComments(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

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
          return m.getOrDefault(CommentStatus.PUBLISHED.stored(), 0)
              + " published, "
              + m.getOrDefault(CommentStatus.REJECTED.stored(), 0)
              + " rejected, "
              + m.getOrDefault(CommentStatus.PENDING.stored(), 0)
              + " waiting";
        });
  }
}
