package pressroom.articles;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the newsroom's article desk reads: every article whatever its status, filtered, newest
 * first, a page at a time from a position (never an offset, never a count of the archive); one
 * article with what only staff see; its earlier versions.
 */
public final class ArticleDesk {
  public static final int PAGE_SIZE = 50;

  private final Jdbi jdbi;

  public ArticleDesk(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Where articles came from, as the list filters them. */
  public sealed interface Origin {
    record Any() implements Origin {}

    /** Written here: no partner. */
    record Own() implements Origin {}

    record Partner(String sourceId) implements Origin {}
  }

  /**
   * What the list asks for; null parts match anything.
   *
   * @param from first instant included
   * @param until first instant no longer included
   * @param headline words the headline contains (case-insensitive for ASCII letters)
   */
  public record Filter(
      String sectionId,
      Origin origin,
      ArticleStatus status,
      Instant from,
      Instant until,
      String headline) {
    public static final Filter ANY = new Filter(null, new Origin.Any(), null, null, null, null);

    public Filter {
      origin = origin == null ? new Origin.Any() : origin;
      headline = headline == null || headline.isBlank() ? null : headline.strip();
    }
  }

  /** One row of the list. */
  public record Row(
      String id,
      String slug,
      String headline,
      String sectionName,
      String sourceName,
      ArticleStatus status,
      Instant publishedAt,
      boolean pinnedHome,
      boolean pinnedSection) {}

  /**
   * One page of the list.
   *
   * @param next where the next page starts, or null when this is the last
   */
  public record Page(List<Row> rows, Window.Position next) {}

  /** A statement and its arguments (exposed so a test can check its plan). */
  public record Statement(String sql, Map<String, Object> binds) {}

  /**
   * The SQL of one page: articles stays the outer table (CROSS JOIN), read in list order through
   * the index of whichever filter leads, so a page stops after {@code limit} matching rows.
   */
  public static Statement listStatement(Filter f, Window.Position after, int limit) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT a.id, a.slug, a.headline, a.status, a.published_at, a.pinned_home_at,
                   a.pinned_section_at, s.name AS section_name, src.name AS source_name
            FROM articles a CROSS JOIN sections s LEFT JOIN sources src ON src.id = a.source_id
            WHERE s.id = a.section_id""");
    Map<String, Object> binds = new LinkedHashMap<>();
    if (f.sectionId() != null) {
      sql.append(" AND a.section_id = :section");
      binds.put("section", f.sectionId());
    }
    switch (f.origin()) {
      case Origin.Any any -> {}
      case Origin.Own own -> sql.append(" AND a.source_id IS NULL");
      case Origin.Partner p -> {
        sql.append(" AND a.source_id = :source");
        binds.put("source", p.sourceId());
      }
    }
    if (f.status() != null) {
      // Written out (a name from the enum, not typed text): the rare statuses' index is partial,
      // and a planner can use it only for a value it sees.
      sql.append(" AND a.status = '").append(f.status().dbValue()).append('\'');
    }
    if (f.from() != null) {
      sql.append(" AND a.published_at >= :from");
      binds.put("from", f.from().toEpochMilli());
    }
    // One upper bound, the lower of the range's end and the position: given two, SQLite ranges
    // on one and filters by the other (see Listings.listingSql).
    Long upTo = f.until() == null ? null : f.until().toEpochMilli() - 1;
    if (after != null) {
      upTo = upTo == null ? after.publishedAt() : Math.min(upTo, after.publishedAt());
      sql.append(" AND (a.published_at < :atTime OR a.id < :atId)");
      binds.put("atTime", after.publishedAt());
      binds.put("atId", after.id());
    }
    if (upTo != null) {
      sql.append(" AND a.published_at <= :upTo");
      binds.put("upTo", upTo);
    }
    if (f.headline() != null) {
      sql.append(" AND lower(a.headline) LIKE :headline ESCAPE '\\'");
      binds.put("headline", "%" + like(f.headline().toLowerCase(Locale.ROOT)) + "%");
    }
    sql.append(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit");
    binds.put("limit", limit);
    return new Statement(sql.toString(), binds);
  }

  /** The page of the list that starts after {@code after} (null: the newest). */
  public Page list(Filter f, Window.Position after) {
    Statement st = listStatement(f, after, PAGE_SIZE + 1);
    List<Row> rows =
        jdbi.withHandle(
            h -> {
              var q = h.createQuery(st.sql());
              st.binds().forEach(q::bind);
              return q.map(
                      (rs, ctx) ->
                          new Row(
                              rs.getString("id"),
                              rs.getString("slug"),
                              rs.getString("headline"),
                              rs.getString("section_name"),
                              rs.getString("source_name"),
                              ArticleStatus.fromDb(rs.getString("status")),
                              Instant.ofEpochMilli(rs.getLong("published_at")),
                              rs.getObject("pinned_home_at") != null,
                              rs.getObject("pinned_section_at") != null))
                  .list();
            });
    if (rows.size() <= PAGE_SIZE) {
      return new Page(rows, null);
    }
    Row last = rows.get(PAGE_SIZE - 1);
    return new Page(
        rows.subList(0, PAGE_SIZE),
        new Window.Position(last.publishedAt().toEpochMilli(), last.id()));
  }

  /** A partner as the list's filter names it. */
  public record SourceName(String id, String name) {}

  /** Every partner, by name, for the list's filter. */
  public List<SourceName> sources() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, name FROM sources ORDER BY lower(name), id")
                .map((rs, ctx) -> new SourceName(rs.getString("id"), rs.getString("name")))
                .list());
  }

  /**
   * An article as the editor shows it, whatever its status.
   *
   * @param withdrawalReason what the editor who withdrew it said, or null
   */
  public record DeskArticle(
      Article article, String withdrawalReason, boolean pinnedHome, boolean pinnedSection) {}

  public Optional<DeskArticle> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(ArticleRows.ARTICLE_SELECT + "WHERE a.id = :id")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new DeskArticle(
                            ArticleRows.article(rs),
                            rs.getString("withdrawal_reason"),
                            rs.getObject("pinned_home_at") != null,
                            rs.getObject("pinned_section_at") != null))
                .findOne()
                .map(
                    d ->
                        new DeskArticle(
                            d.article()
                                .with(
                                    ArticleRows.authorsOf(h, List.of(id))
                                        .getOrDefault(id, List.of()),
                                    ArticleRows.tagsOf(h, List.of(id)).getOrDefault(id, List.of())),
                            d.withdrawalReason(),
                            d.pinnedHome(),
                            d.pinnedSection())));
  }

  /**
   * An earlier version of an article's text.
   *
   * @param updatedAt when that version was written
   * @param replacedAt when a newer one replaced it
   */
  public record Revision(
      String id,
      String headline,
      String summary,
      String bodyHtml,
      Instant updatedAt,
      Instant replacedAt) {}

  /** Every earlier version of an article, newest first. */
  public List<Revision> revisions(String articleId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, headline, summary, body_html, updated_at, replaced_at"
                        + " FROM article_revisions WHERE article_id = :id"
                        + " ORDER BY replaced_at DESC, id DESC")
                .bind("id", articleId)
                .map(
                    (rs, ctx) ->
                        new Revision(
                            rs.getString("id"),
                            rs.getString("headline"),
                            rs.getString("summary"),
                            rs.getString("body_html"),
                            Instant.ofEpochMilli(rs.getLong("updated_at")),
                            Instant.ofEpochMilli(rs.getLong("replaced_at"))))
                .list());
  }

  /** How many earlier versions an article has. */
  public int revisionCount(String articleId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM article_revisions WHERE article_id = :id")
                .bind("id", articleId)
                .mapTo(Integer.class)
                .one());
  }

  /** A LIKE pattern that matches the typed text literally. */
  private static String like(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
