package pressroom.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pressroom.ingest.formats.FeedItem;
import pressroom.ingest.formats.ParsedFeed;
import pressroom.ingest.mapping.Candidate;
import pressroom.ingest.mapping.ItemMapper;

/**
 * A parsed feed's items mapped for one source, as a poll and an import both need them.
 *
 * @param candidates the items to store, in feed order
 * @param skipped what the parser and the mapper left out, and why ("item 3: it has no title")
 * @param undated the items to store whose dates could not be read, as {@link
 *     IngestReport#undatedItem} names them: they are dated when first seen
 */
record MappedItems(List<Candidate> candidates, List<String> skipped, List<String> undated) {

  /** Maps every item of {@code feed}; {@code now} is when they are first seen. */
  static MappedItems of(ItemMapper mapper, ParsedFeed feed, Instant now) {
    List<Candidate> candidates = new ArrayList<>();
    List<String> skipped = new ArrayList<>(feed.skipped());
    List<String> undated = new ArrayList<>();
    int n = 0;
    for (FeedItem item : feed.items()) {
      n++;
      switch (mapper.map(item, feed.language(), now)) {
        case ItemMapper.Mapped.Ok ok -> {
          candidates.add(ok.candidate());
          if (item.unreadableDate() != null) {
            undated.add(IngestReport.undatedItem(item));
          }
        }
        case ItemMapper.Mapped.Skipped s -> skipped.add("item " + n + ": " + s.reason());
      }
    }
    return new MappedItems(candidates, skipped, undated);
  }
}
