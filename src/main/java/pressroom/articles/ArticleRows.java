package pressroom.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The SQL columns and row mapping that the article reads share. */
public final class ArticleRows {
  private ArticleRows() {}

  static final String SUMMARY_COLUMNS =
      """
      a.id, a.slug, a.headline, a.summary, a.language, a.direction, a.published_at,
      s.id AS section_id, s.slug AS section_slug, s.name AS section_name,
      s.description AS section_description, src.name AS source_name,
      """
          + "      "
          + ArticleRows.PICTURE_COLUMNS;

  /**
   * The stored picture's columns; a query that selects them joins {@link #PICTURE_JOIN}. The
   * article's own caption and credit (a partner may correct them) win over those stored with it.
   */
  static final String PICTURE_COLUMNS =
      """
      pic.id AS picture_id, pic.width AS picture_width, pic.height AS picture_height,
      pic.widths AS picture_widths, COALESCE(a.image_caption, pic.caption) AS picture_caption,
      COALESCE(a.image_credit, pic.credit) AS picture_credit
      """;

  /** The article's stored picture, if any: one lookup by its unique article_id. */
  static final String PICTURE_JOIN = " LEFT JOIN pictures pic ON pic.article_id = a.id ";

  static final String ARTICLE_SELECT =
      """
      SELECT a.*, s.slug AS section_slug, s.name AS section_name,
             s.description AS section_description,
             src.name AS source_name, src.home_url AS source_home_url,
             src.attribution AS source_attribution, src.seo_policy AS source_policy,
      """
          + PICTURE_COLUMNS
          + """
          FROM articles a
          JOIN sections s ON s.id = a.section_id
          LEFT JOIN sources src ON src.id = a.source_id
          """
          + PICTURE_JOIN;

  static Map<String, List<Tag>> tagsOf(Handle h, List<String> articleIds) {
    return byArticle(
        h,
        articleIds,
        """
        SELECT at.article_id, t.id, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.article_id IN (<ids>) ORDER BY at.article_id, t.name
        """,
        rs -> new Tag(rs.getString("id"), rs.getString("slug"), rs.getString("name")));
  }

  /**
   * Rows of {@code sql} (which selects article_id and binds the list {@code <ids>}) grouped by
   * article, in order.
   */
  static <T> Map<String, List<T>> byArticle(
      Handle h, List<String> articleIds, String sql, Row<T> row) {
    Map<String, List<T>> byArticle = new LinkedHashMap<>();
    h.createQuery(sql)
        .bindList("ids", articleIds)
        .map(
            (rs, ctx) -> {
              byArticle
                  .computeIfAbsent(rs.getString("article_id"), k -> new ArrayList<>())
                  .add(row.of(rs));
              return null;
            })
        .forEach(x -> {});
    return byArticle;
  }

  @FunctionalInterface
  interface Row<T> {
    T of(ResultSet rs) throws SQLException;
  }

  /** At most 500 ids a statement (SQLite binds at most 32,766). */
  static List<List<String>> chunks(List<String> ids) {
    List<List<String>> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 500) {
      out.add(ids.subList(from, Math.min(ids.size(), from + 500)));
    }
    return out;
  }

  static List<ArticleSummary> withAuthors(Handle h, List<ArticleSummary> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<String, List<Author>> authors =
        authorsOf(h, rows.stream().map(ArticleSummary::id).toList());
    return rows.stream().map(r -> r.withAuthors(authors.getOrDefault(r.id(), List.of()))).toList();
  }

  static Map<String, List<Author>> authorsOf(Handle h, List<String> articleIds) {
    return byArticle(
        h,
        articleIds,
        """
        SELECT aa.article_id, au.id, au.slug, au.name
        FROM article_authors aa JOIN authors au ON au.id = aa.author_id
        WHERE aa.article_id IN (<ids>) ORDER BY aa.article_id, aa.position
        """,
        rs -> new Author(rs.getString("id"), rs.getString("slug"), rs.getString("name")));
  }

  static Section section(ResultSet rs, String prefix) throws SQLException {
    return new Section(
        rs.getString(prefix.isEmpty() ? "id" : prefix + "id"),
        rs.getString(prefix + "slug"),
        rs.getString(prefix + "name"),
        rs.getString(prefix + "description"));
  }

  static ArticleSummary summary(ResultSet rs) throws SQLException {
    return new ArticleSummary(
        rs.getString("id"),
        rs.getString("slug"),
        rs.getString("headline"),
        rs.getString("summary"),
        section(rs, "section_"),
        List.of(),
        rs.getString("source_name"),
        rs.getString("language"),
        rs.getString("direction"),
        Instant.ofEpochMilli(rs.getLong("published_at")),
        picture(rs));
  }

  /** The stored picture of a row selected with {@link #PICTURE_COLUMNS}, or null. */
  static Picture picture(ResultSet rs) throws SQLException {
    String id = rs.getString("picture_id");
    return id == null
        ? null
        : new Picture(
            id,
            rs.getInt("picture_width"),
            rs.getInt("picture_height"),
            Picture.widthsOf(rs.getString("picture_widths")),
            rs.getString("picture_caption"),
            rs.getString("picture_credit"));
  }

  static Article article(ResultSet rs) throws SQLException {
    String sourceId = rs.getString("source_id");
    Source source =
        sourceId == null
            ? null
            : new Source(
                sourceId,
                rs.getString("source_name"),
                rs.getString("source_home_url"),
                rs.getString("source_attribution"),
                SeoPolicy.fromDb(rs.getString("source_policy")));
    return Article.builder()
        .id(rs.getString("id"))
        .slug(rs.getString("slug"))
        .section(section(rs, "section_"))
        .source(source)
        .headline(rs.getString("headline"))
        .summary(rs.getString("summary"))
        .bodyHtml(rs.getString("body_html"))
        .language(rs.getString("language"))
        .direction(rs.getString("direction"))
        .originalUrl(rs.getString("original_url"))
        .publishedAt(Instant.ofEpochMilli(rs.getLong("published_at")))
        .updatedAt(Instant.ofEpochMilli(rs.getLong("updated_at")))
        .status(ArticleStatus.fromDb(rs.getString("status")))
        .image(
            rs.getString("image_url") == null
                ? null
                : new Image(
                    rs.getString("image_url"),
                    rs.getString("image_caption"),
                    rs.getString("image_credit")))
        .storyId(rs.getString("story_id"))
        .picture(picture(rs))
        .build();
  }
}
