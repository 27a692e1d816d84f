package pressroom.articles;

import org.jdbi.v3.core.Jdbi;
import pressroom.changes.Change;
import pressroom.changes.ContentChanges;

/**
 * Whether articles and sections take comments, and how a section's are moderated: settings stored
 * on the articles' own tables, changed here for the comment moderators.
 */
public final class CommentSettings {
  private final Jdbi jdbi;

  public CommentSettings(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Closes or opens comments on one article; false when there is no such article. */
  public boolean setArticleOpen(String articleId, boolean open) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate("UPDATE articles SET comments_open = :o WHERE id = :id")
                  .bind("o", open ? 1 : 0)
                  .bind("id", articleId)
                  .execute();
          if (n == 1) {
            ContentChanges.record(h, articleId);
          }
          return n == 1;
        });
  }

  /**
   * Closes or opens comments on a whole section and sets its moderation policy; false when there is
   * no such section.
   */
  public boolean setSection(String sectionSlug, boolean open, boolean preModerated) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE sections SET comments_open = :o, moderation = :m WHERE slug = :s")
                  .bind("o", open ? 1 : 0)
                  .bind("m", preModerated ? "pre" : "post")
                  .bind("s", sectionSlug)
                  .execute();
          if (n == 1) {
            // Every page shows the section navigation and may show its comment forms.
            ContentChanges.record(h, new Change.AllPages());
          }
          return n == 1;
        });
  }

  /** A section's name and comment policy as they stand. */
  public record SectionComments(String name, CommentPolicy policy) {}

  public java.util.Optional<SectionComments> section(String sectionSlug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT name, comments_open, moderation FROM sections WHERE slug = :s")
                .bind("s", sectionSlug)
                .map(
                    (rs, ctx) ->
                        new SectionComments(
                            rs.getString("name"),
                            CommentPolicy.of(
                                rs.getInt("comments_open") == 1, rs.getString("moderation"))))
                .findOne());
  }

  /** Sets a section's comment policy; false when there is no such section. */
  public boolean setSection(String sectionSlug, CommentPolicy policy) {
    return setSection(
        sectionSlug, policy != CommentPolicy.CLOSED, policy == CommentPolicy.PRE_MODERATED);
  }
}
