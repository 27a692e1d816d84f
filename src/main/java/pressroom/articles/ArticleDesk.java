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
  public record Page(List<Row> rows, Window.Position next, Window.Position previous) {}

  /** A statement and its arguments (exposed so a test can check its plan). */
  public record Statement(String sql, Map<String, Object> binds) {}

  /**
   * The SQL of one page: articles stays the outer table (CROSS JOIN), read in list order through
   * the index of whichever filter leads, so a page stops after {@code limit} matching rows.
   */
  public static Statement listStatement(Filter f, Window w, int limit) {
    Window.Position older = w instanceof Window.Before b ? b.position() : null;
    Window.Position newer = w instanceof Window.After a ? a.position() : null;
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
    // One bound a side, the tighter of the range's and the position's: given two, SQLite ranges
    // on one and filters by the other (see Listings.listingSql).
    Long downTo = f.from() == null ? null : f.from().toEpochMilli();
    Long upTo = f.until() == null ? null : f.until().toEpochMilli() - 1;
    if (older != null) {
      upTo = upTo == null ? older.publishedAt() : Math.min(upTo, older.publishedAt());
      sql.append(" AND (a.published_at < :atTime OR a.id < :atId)");
      binds.put("atTime", older.publishedAt());
      binds.put("atId", older.id());
    }
    if (newer != null) {
      downTo = downTo == null ? newer.publishedAt() : Math.max(downTo, newer.publishedAt());
      sql.append(" AND (a.published_at > :atTime OR a.id > :atId)");
      binds.put("atTime", newer.publishedAt());
      binds.put("atId", newer.id());
    }
    if (downTo != null) {
      sql.append(" AND a.published_at >= :downTo");
      binds.put("downTo", downTo);
    }
    if (upTo != null) {
      sql.append(" AND a.published_at <= :upTo");
      binds.put("upTo", upTo);
    }
    if (f.headline() != null) {
      // '!' escapes, not a backslash: Jdbi's SQL lexer reads a backslash in a literal as an escape.
      sql.append(" AND lower(a.headline) LIKE :headline ESCAPE '!'");
      binds.put("headline", "%" + like(f.headline().toLowerCase(Locale.ROOT)) + "%");
    }
    String order = newer != null ? "ASC" : "DESC";
    sql.append(" ORDER BY a.published_at " + order + ", a.id " + order + " LIMIT :limit");
    binds.put("limit", limit);
    return new Statement(sql.toString(), binds);
  }

  /**
   * A page of the list: the newest ({@link Window#FIRST}), those older than a position, or those
   * newer (the page before; fewer than a page newer is the first page).
   */
  public Page list(Filter f, Window w) {
    if (w instanceof Window.Numbered) {
      w = Window.FIRST; // the desk pages by position only
    }
    List<Row> rows = rows(f, w);
    boolean more = rows.size() > PAGE_SIZE;
    if (w instanceof Window.After && !more) {
      w = Window.FIRST;
      rows = rows(f, w);
      more = rows.size() > PAGE_SIZE;
    }
    if (w instanceof Window.After) {
      rows = rows.subList(0, PAGE_SIZE).reversed();
      return new Page(rows, position(rows.getLast()), position(rows.getFirst()));
    }
    List<Row> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
    return new Page(
        shown,
        more ? position(shown.getLast()) : null,
        w instanceof Window.Before && !shown.isEmpty() ? position(shown.getFirst()) : null);
  }

  private static Window.Position position(Row r) {
    return new Window.Position(r.publishedAt().toEpochMilli(), r.id());
  }

  private List<Row> rows(Filter f, Window w) {
    Statement st = listStatement(f, w, PAGE_SIZE + 1);
    return jdbi.withHandle(
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
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
