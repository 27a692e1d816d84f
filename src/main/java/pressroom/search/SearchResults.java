package pressroom.search;

import java.util.List;

/**
 * The results of one search: the total, one page of hits, and counts per filter value over all
 * results ({@code estimated} from a fixed sample of the articles when there are very many; {@code
 * rankedAmongNewest} when the relevance order could weigh only the newest matches; {@code
 * shortened} when the search had more words than one uses and only the first were used).
 */
public record SearchResults(
    long total,
    List<Hit> hits,
    List<Count> sections,
    List<Count> sources,
    List<Count> authors,
    List<Count> dates,
    boolean estimated,
    boolean rankedAmongNewest,
    boolean shortened) {
  public static final SearchResults NONE = none(false);

  static SearchResults none(boolean shortened) {
    return new SearchResults(
        0, List.of(), List.of(), List.of(), List.of(), List.of(), false, false, shortened);
  }

  /** One hit: the article and a snippet with the matched words marked (HTML, safe). */
  public record Hit(
      String id,
      String slug,
      String headline,
      String snippet,
      String sectionName,
      String sourceName,
      String authors,
      long published) {}

  /**
   * One value of a filter with the number of results it would leave: a section, a source, an
   * author, a time span.
   */
  public record Count(String key, String label, long count) {}
}
