package pressroom.ingest.formats;

import java.util.List;

/**
 * What a feed held: its items in feed order, and the items that had to be skipped with the reason
 * in plain words (one broken item never loses the rest).
 *
 * @param format the format actually read (never AUTO)
 */
public record ParsedFeed(
    FeedFormat format, String title, String language, List<FeedItem> items, List<String> skipped) {
  public ParsedFeed {
    items = List.copyOf(items);
    skipped = List.copyOf(skipped);
  }
}
