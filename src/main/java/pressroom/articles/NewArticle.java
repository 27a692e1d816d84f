package pressroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import pressroom.text.UntrustedText;

/**
 * An article to store, as the demo loader or ingest hands it over. The body must already be
 * sanitized (see {@link pressroom.articles.BodySanitizer}).
 *
 * @param sourceId the partner's id, or null for the site's own
 * @param image the lead picture, or null
 * @param provenance where it came from in a partner's feed, or null (demo, own articles)
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
    ArticleStatus status,
    Image image,
    Provenance provenance) {

  public NewArticle {
    Objects.requireNonNull(sectionSlug, "sectionSlug");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(bodyHtml, "bodyHtml");
    // Whatever door an article comes through, nothing XML cannot carry is stored.
    headline = UntrustedText.clean(headline);
    summary = UntrustedText.clean(summary);
    bodyHtml = UntrustedText.clean(bodyHtml);
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
    authorNames = List.copyOf(authorNames.stream().map(UntrustedText::clean).toList());
    tagNames = List.copyOf(tagNames.stream().map(UntrustedText::clean).toList());
  }

  /** An article without feed provenance or picture (demo content, the site's own). */
  public NewArticle(
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
    this(
        sectionSlug,
        sourceId,
        headline,
        summary,
        authorNames,
        bodyHtml,
        language,
        direction,
        originalUrl,
        publishedAt,
        updatedAt,
        tagNames,
        status,
        null,
        null);
  }

  public NewArticle withStory(String storyId) {
    Provenance p = provenance;
    return new NewArticle(
        sectionSlug,
        sourceId,
        headline,
        summary,
        authorNames,
        bodyHtml,
        language,
        direction,
        originalUrl,
        publishedAt,
        updatedAt,
        tagNames,
        status,
        image,
        new Provenance(p.guid(), p.contentHash(), p.version(), p.simhash(), storyId));
  }

  public NewArticle withPublishedAt(Instant time) {
    return new NewArticle(
        sectionSlug,
        sourceId,
        headline,
        summary,
        authorNames,
        bodyHtml,
        language,
        direction,
        originalUrl,
        time,
        updatedAt,
        tagNames,
        status,
        image,
        provenance);
  }

  public NewArticle withUpdatedAt(Instant time) {
    return new NewArticle(
        sectionSlug,
        sourceId,
        headline,
        summary,
        authorNames,
        bodyHtml,
        language,
        direction,
        originalUrl,
        publishedAt,
        time,
        tagNames,
        status,
        image,
        provenance);
  }

  /**
   * Identity and fingerprints of an article that came from a feed.
   *
   * @param guid identity within its feed
   * @param contentHash hash of what a reader sees, to tell a real correction from a resend
   * @param version ninjs version, or null
   * @param simhash near-duplicate fingerprint of the text
   * @param storyId the story it belongs to (its own id when it is the first)
   */
  public record Provenance(
      String guid, String contentHash, Long version, long simhash, String storyId) {}
}
