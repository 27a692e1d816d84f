package pressroom.articles;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The stories editors pinned to the top of the home page or of their section, newest pin first: a
 * small set, read whole from its own partial index and put before a listing's first page.
 */
public final class Pins {
  /** More pins than this would push the news off the page; the newest win. */
  public static final int MOST = 5;

  private final Jdbi jdbi;

  public Pins(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The stories pinned to the home page that readers may open now. */
  public List<ArticleSummary> home(Instant now) {
    return read("a.pinned_home_at IS NOT NULL", "a.pinned_home_at", null, now);
  }

  /** The stories pinned to the top of a section that readers may open now. */
  public List<ArticleSummary> inSection(String sectionId, Instant now) {
    return read(
        "a.section_id = :section AND a.pinned_section_at IS NOT NULL",
        "a.pinned_section_at",
        sectionId,
        now);
  }

  private List<ArticleSummary> read(String where, String order, String sectionId, Instant now) {
    return jdbi.withHandle(
        h -> {
          var q =
              h.createQuery(
                      "SELECT "
                          + ArticleRows.SUMMARY_COLUMNS
                          + " FROM articles a JOIN sections s ON s.id = a.section_id"
                          + " LEFT JOIN sources src ON src.id = a.source_id"
                          + ArticleRows.PICTURE_JOIN
                          + " WHERE "
                          + where
                          // Only the version listings show: a story told by two partners is
                          // pinned once, even if an editor pinned the other version.
                          + " AND a.listed = 1"
                          + " AND a.status = 'published' AND a.published_at <= :now"
                          + " ORDER BY "
                          + order
                          + " DESC, a.id DESC LIMIT :most")
                  .bind("now", now.toEpochMilli())
                  .bind("most", MOST);
          if (sectionId != null) {
            q.bind("section", sectionId);
          }
          return ArticleRows.withAuthors(h, q.map((rs, ctx) -> ArticleRows.summary(rs)).list());
        });
  }
}
