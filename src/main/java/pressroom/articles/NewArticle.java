package pressroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article to store, as the demo loader or ingest hands it over. The body must already be
 * sanitized (see {@link pressroom.articles.BodySanitizer}).
 *
 * @param sourceId the partner's id, or null for the site's own
 */
public record NewArticle(
    String sectionSlug,
    String sourceId,
    String headline,
    String summary,
    List<String> authorNames,
    String bodyHtml,
    String language,
    String direction,
    String originalUrl,
    Instant publishedAt,
    Instant updatedAt,
    List<String> tagNames,
    ArticleStatus status) {

  public NewArticle {
    Objects.requireNonNull(sectionSlug, "sectionSlug");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(bodyHtml, "bodyHtml");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(status, "status");
    if (headline.isBlank()) {
      throw new IllegalArgumentException("headline is empty");
    }
    if (!"ltr".equals(direction) && !"rtl".equals(direction)) {
      throw new IllegalArgumentException("direction must be ltr or rtl, was " + direction);
    }
    summary = summary == null ? "" : summary;
    language = language == null || language.isBlank() ? "en" : language;
    updatedAt = updatedAt == null ? publishedAt : updatedAt;
    authorNames = List.copyOf(authorNames);
    tagNames = List.copyOf(tagNames);
  }
}
