package pressroom.articles;

import java.time.Instant;
import java.util.List;

/** What a listing (home, section, author, tag pages) shows of an article. */
public record ArticleSummary(
    String id,
    String slug,
    String headline,
    String summary,
    Section section,
    List<Author> authors,
    String sourceName,
    String language,
    String direction,
    Instant publishedAt) {

  public ArticleSummary {
    authors = List.copyOf(authors);
  }

  ArticleSummary withAuthors(List<Author> list) {
    return new ArticleSummary(
        id, slug, headline, summary, section, list, sourceName, language, direction, publishedAt);
  }
}
