package pressroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article as stored: the body is already sanitized HTML.
 *
 * @param source the partner it came from, or null for the site's own
 * @param direction "ltr" or "rtl"
 * @param image the lead image the partner's feed names (its address is the partner's), or null
 * @param picture the lead picture as this site serves it (stored, resized), or null
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
    String storyId,
    Picture picture) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(section, "section");
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }

  /** This article with its authors and tags (read separately from the article row). */
  public Article with(List<Author> authors, List<Tag> tags) {
    return toBuilder().authors(authors).tags(tags).build();
  }

  /** An article to build by name; what is not set is empty (no partner, authors, tags, picture). */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .slug(slug)
        .section(section)
        .source(source)
        .headline(headline)
        .summary(summary)
        .authors(authors)
        .bodyHtml(bodyHtml)
        .language(language)
        .direction(direction)
        .originalUrl(originalUrl)
        .publishedAt(publishedAt)
        .updatedAt(updatedAt)
        .tags(tags)
        .status(status)
        .image(image)
        .storyId(storyId)
        .picture(picture);
  }

  /** Builds an {@link Article}. */
  public static final class Builder {
    private String id;
    private String slug;
    private Section section;
    private Source source;
    private String headline;
    private String summary;
    private List<Author> authors = List.of();
    private String bodyHtml;
    private String language;
    private String direction = "ltr";
    private String originalUrl;
    private Instant publishedAt;
    private Instant updatedAt;
    private List<Tag> tags = List.of();
    private ArticleStatus status;
    private Image image;
    private String storyId;
    private Picture picture;

    private Builder() {}

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder slug(String v) {
      slug = v;
      return this;
    }

    public Builder section(Section v) {
      section = v;
      return this;
    }

    public Builder source(Source v) {
      source = v;
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

    public Builder authors(List<Author> v) {
      authors = v;
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

    public Builder tags(List<Tag> v) {
      tags = v;
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

    public Builder storyId(String v) {
      storyId = v;
      return this;
    }

    public Builder picture(Picture v) {
      picture = v;
      return this;
    }

    public Article build() {
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
          storyId,
          picture);
    }
  }

  /** True when the partner corrected or updated it after first publication. */
  public boolean wasUpdated() {
    return updatedAt.isAfter(publishedAt.plusSeconds(60));
  }

  public SeoPolicy seoPolicy() {
    return source == null ? SeoPolicy.OWN : source.seoPolicy();
  }
}
