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

  /** This article with another story: it joined a near-duplicate told by another partner. */
  public NewArticle withStory(String storyId) {
    Provenance p = provenance;
    return toBuilder()
        .provenance(new Provenance(p.guid(), p.contentHash(), p.version(), p.simhash(), storyId))
        .build();
  }

  public NewArticle withPublishedAt(Instant time) {
    return toBuilder().publishedAt(time).build();
  }

  public NewArticle withUpdatedAt(Instant time) {
    return toBuilder().updatedAt(time).build();
  }

  /**
   * A new article to build by name; what is not set is empty: no partner, authors, tags, picture or
   * provenance, written left to right, last updated when published.
   */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .sectionSlug(sectionSlug)
        .sourceId(sourceId)
        .headline(headline)
        .summary(summary)
        .authorNames(authorNames)
        .bodyHtml(bodyHtml)
        .language(language)
        .direction(direction)
        .originalUrl(originalUrl)
        .publishedAt(publishedAt)
        .updatedAt(updatedAt)
        .tagNames(tagNames)
        .status(status)
        .image(image)
        .provenance(provenance);
  }

  /** Builds a {@link NewArticle}; {@link #build} checks it as the record does. */
  public static final class Builder {
    private String sectionSlug;
    private String sourceId;
    private String headline;
    private String summary;
    private List<String> authorNames = List.of();
    private String bodyHtml;
    private String language;
    private String direction = "ltr";
    private String originalUrl;
    private Instant publishedAt;
    private Instant updatedAt;
    private List<String> tagNames = List.of();
    private ArticleStatus status;
    private Image image;
    private Provenance provenance;

    private Builder() {}

    public Builder sectionSlug(String v) {
      sectionSlug = v;
      return this;
    }

    public Builder sourceId(String v) {
      sourceId = v;
      return this;
    }

    public Builder headline(String v) {
      headline = v;
      return this;
    }

    public Builder summary(String v) {
      summary = v;
      return this;
    }

    public Builder authorNames(List<String> v) {
      authorNames = v;
      return this;
    }

    public Builder bodyHtml(String v) {
      bodyHtml = v;
      return this;
    }

    public Builder language(String v) {
      language = v;
      return this;
    }

    public Builder direction(String v) {
      direction = v;
      return this;
    }

    public Builder originalUrl(String v) {
      originalUrl = v;
      return this;
    }

    public Builder publishedAt(Instant v) {
      publishedAt = v;
      return this;
    }

    public Builder updatedAt(Instant v) {
      updatedAt = v;
      return this;
    }

    public Builder tagNames(List<String> v) {
      tagNames = v;
      return this;
    }

    public Builder status(ArticleStatus v) {
      status = v;
      return this;
    }

    public Builder image(Image v) {
      image = v;
      return this;
    }

    public Builder provenance(Provenance v) {
      provenance = v;
      return this;
    }

    public NewArticle build() {
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
          provenance);
    }
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
