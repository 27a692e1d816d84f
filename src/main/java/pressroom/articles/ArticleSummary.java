package pressroom.articles;

import java.time.Instant;
import java.util.List;

/**
 * What a listing (home, section, author, tag pages) shows of an article.
 *
 * @param picture the article's stored lead picture, or null
 */
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
    Instant publishedAt,
    Picture picture) {

  public ArticleSummary {
    authors = List.copyOf(authors);
  }

  ArticleSummary withAuthors(List<Author> list) {
    return new ArticleSummary(
        id,
        slug,
        headline,
        summary,
        section,
        list,
        sourceName,
        language,
        direction,
        publishedAt,
        picture);
  }
}
