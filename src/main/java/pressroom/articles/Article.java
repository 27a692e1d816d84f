package pressroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article as stored: the body is already sanitized HTML.
 *
 * @param source the partner it came from, or null for the site's own
 * @param direction "ltr" or "rtl"
 * @param image the lead picture, or null
 * @param storyId the story this version belongs to (several partners, one story), or null
 */
public record Article(
    String id,
    String slug,
    Section section,
    Source source,
    String headline,
    String summary,
    List<Author> authors,
    String bodyHtml,
    String language,
    String direction,
    String originalUrl,
    Instant publishedAt,
    Instant updatedAt,
    List<Tag> tags,
    ArticleStatus status,
    Image image,
    String storyId) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(section, "section");
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }

  /** This article with its authors and tags (read separately from the article row). */
  public Article with(List<Author> authors, List<Tag> tags) {
    return new Article(
        id,
        slug,
        section,
        source,
        headline,
        summary,
        authors,
        bodyHtml,
        language,
        direction,
        originalUrl,
        publishedAt,
        updatedAt,
        tags,
        status,
        image,
        storyId);
  }

  /** True when the partner corrected or updated it after first publication. */
  public boolean wasUpdated() {
    return updatedAt.isAfter(publishedAt.plusSeconds(60));
  }

  public SeoPolicy seoPolicy() {
    return source == null ? SeoPolicy.OWN : source.seoPolicy();
  }
}
