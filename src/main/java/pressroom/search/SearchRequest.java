package pressroom.search;

/**
 * What to search: the reader's words (with author:, section:, source: inside them or not), the
 * filters chosen beside them (slugs; null for none), a published-time range in epoch ms (inclusive;
 * null for open), the order and the page.
 */
public record SearchRequest(
    String text,
    String section,
    String source,
    String author,
    Long from,
    Long to,
    boolean newest,
    int page,
    int size) {
  public static SearchRequest of(String text, boolean newest, int page, int size) {
    return new SearchRequest(text, null, null, null, null, null, newest, page, size);
  }
}
